// Installers for `npm run dist` (scripts/dist.mjs): AppImage + deb, NSIS, dmg. Read by electron-builder and by the dist-config test.
//
// The database engine: node_modules keeps better-sqlite3's Node-ABI build so the tests run under plain Node, and
// `npm run electron:native` stages an Electron-ABI build in native/electron/. The installer ships that staged file,
// unpacked from app.asar (a .node file cannot be loaded from inside an archive), and src/main/launch.ts points
// better-sqlite3's `nativeBinding` at resources/app.asar.unpacked/native/electron/ when the app is packaged.
// electron-builder's own rebuild is off: it would rebuild node_modules in place for Electron and break `npm test`.

const { existsSync } = require('node:fs')
const { join } = require('node:path')

/** The Electron that `npm install` put in node_modules, packaged as is for this machine: no second download. */
function installedElectron(options) {
  const dist = join(__dirname, 'node_modules', 'electron', 'dist')
  return options.platformName === process.platform && options.arch === process.arch && existsSync(dist) ? dist : null
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.touchline.desktop',
  productName: 'Touchline',
  copyright: 'Copyright © Touchline contributors',
  // Electron names the data folder after productName: ~/.config/Touchline, as the browser shell expects. The deb
  // target refuses to build without a homepage. Placeholders: set the project's real homepage and contact before publishing.
  extraMetadata: {
    productName: 'Touchline',
    homepage: 'https://example.org/touchline',
    author: { name: 'Touchline maintainers', email: 'touchline@example.org' }
  },
  artifactName: '${productName}-${version}-${arch}.${ext}',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    'package.json',
    'native/electron/better_sqlite3.node',
    // The Node-ABI build and the C sources of better-sqlite3 are never loaded by the packaged app.
    '!**/node_modules/better-sqlite3/{build,deps,src}/**',
    '!**/*.{sqlite,sqlite-wal,sqlite-shm,bak}',
    '!**/*.map'
  ],
  asar: true,
  asarUnpack: ['**/*.node', 'native/electron/**'],
  npmRebuild: false,
  electronDist: installedElectron,
  afterPack: './build/afterPack.cjs',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icon.png',
    synopsis: 'Offline pipeline evidence, 1:1 prep and recruiting for sales managers',
    maintainer: 'Touchline maintainers <touchline@example.org>'
  },
  deb: {
    // electron-builder adds Electron's own runtime libraries; nothing else is needed.
    packageCategory: 'office'
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.png'
  },
  nsis: {
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    icon: 'resources/icon.png'
  },
  dmg: {
    title: 'Touchline ${version}'
  }
}
