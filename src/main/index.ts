// Electron main process: app lifecycle, the window, the IPC binding. Everything else lives in modules.
import { app, BrowserWindow, ipcMain, session as electronSession, shell, dialog } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { systemClock } from './clock'
import { handlers } from './handlers'
import { isTrustedSender, registerIpc } from './ipc'
import { denyPermissions, guardContents } from './security'
import { WorkspaceSession } from './session'
import { isAppUrl, type AppLocation } from './trusted-url'
import { nativeBindingPath, showExistingWindow, singleInstance } from './launch'
import { createMainWindow } from './window'

const rendererIndex = join(__dirname, '../renderer/index.html')
const location: AppLocation = process.env.ELECTRON_RENDERER_URL
  ? { kind: 'dev', origin: new URL(process.env.ELECTRON_RENDERER_URL).origin }
  : { kind: 'file', indexPath: rendererIndex }

/** The Electron-ABI build of better-sqlite3: staged by `npm run electron:native`, shipped unpacked by `npm run dist`. */
function nativeBinding(): string | undefined {
  return nativeBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }, existsSync)
}

let mainWindow: BrowserWindow | null = null

/** Prints the page the window shows (its print stylesheet) and saves it where the user picks in the OS dialog. */
async function exportPdf(options: { name: string; landscape: boolean }): Promise<{ saved: boolean; path: string | null }> {
  if (!mainWindow) return { saved: false, path: null }
  const data = await mainWindow.webContents.printToPDF({ landscape: options.landscape, printBackground: true, pageSize: 'A4' })
  const choice = await dialog.showSaveDialog(mainWindow, {
    defaultPath: join(app.getPath('documents'), `${options.name}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }]
  })
  if (choice.canceled || !choice.filePath) return { saved: false, path: null }
  await writeFile(choice.filePath, data)
  return { saved: true, path: choice.filePath }
}

/** The import file, picked by the user in main's own dialog: the window never names a path. */
async function pickImportFile(): Promise<string | null> {
  if (!mainWindow) return null
  const choice = await dialog.showOpenDialog(mainWindow, {
    properties: ['openFile'],
    filters: [{ name: 'CSV exports and LinkedIn archives', extensions: ['csv', 'txt', 'tsv', 'zip'] }]
  })
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

function createWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'))
  mainWindow.on('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  if (location.kind === 'dev') void mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL!)
  else void mainWindow.loadFile(rendererIndex)
}

if (singleInstance(app.requestSingleInstanceLock()) === 'quit') {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!showExistingWindow(mainWindow) && app.isReady()) createWindow()
  })

  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, (url) => isAppUrl(url, location), (url) => void shell.openExternal(url))
  })

  void app.whenReady().then(() => {
    denyPermissions(electronSession.defaultSession)
    const dataDir = app.getPath('userData')
    mkdirSync(dataDir, { recursive: true })
    const session = new WorkspaceSession(join(dataDir, 'touchline.sqlite'), nativeBinding())
    registerIpc(ipcMain, {
      handlers,
      // openPath gets only viewer copies of checked attachments (handlers-recruiting.ts, attachments.open).
      context: { session, clock: systemClock, shell: 'electron', desktop: { exportPdf, openPath: (path) => shell.openPath(path), pickImportFile } },
      isTrustedSender: (event) => isTrustedSender(event, mainWindow?.webContents.id ?? null, location)
    })
    createWindow()
    // Opened after the window exists: it shows "Opening your workspace…" while the integrity check runs.
    void session.openExisting(systemClock).then((status) => {
      if (status.error?.code === 'ENGINE_UNAVAILABLE') dialog.showErrorBox('Touchline cannot start its database engine', status.error.message)
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
    app.on('will-quit', () => void session.close())
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
