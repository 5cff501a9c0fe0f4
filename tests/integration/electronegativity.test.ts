// Electronegativity, Doyensec's static scan for Electron anti-patterns, run offline on src/ and the built main, preload
// and page: any finding fails the test unless a narrow, reasoned allow-list entry (check id + file) covers it.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/workspace'

const ROOT = resolve(__dirname, '../..')
const BIN = join(ROOT, 'node_modules/.bin/electronegativity')
const BIN_PACKAGE = join(ROOT, 'node_modules/@doyensec/electronegativity/package.json')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
/**
 * Checks that need the network are left out so the scan runs offline: AvailableSecurityFixesGlobalCheck downloads
 * Electron's release list. (The tool also tries to fetch translations with a 1 s timeout; it falls back to English.)
 */
const OFFLINE_EXCLUDES = ['AvailableSecurityFixesGlobalCheck']

interface Finding {
  check: string
  file: string
  line: number
  /** 'warning' = a definite finding; 'note' = the tool asks for a manual review. */
  level: string
  message: string
}

interface Allowed {
  check: string
  file: string
  /** Only review-required notes may be allowed; a definite warning is always fixed. */
  level: 'note'
  why: string
}

/**
 * Reviewed notes, each for one check in one file. Every entry must still match a finding (a stale entry fails),
 * so this list cannot silently outlive the code it excuses.
 */
const ALLOWED: { src: Allowed[]; built: Allowed[] } = {
  src: [
    {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/index.ts',
      level: 'note',
      why:
        'shell.openExternal is reached only through guardContents’ window-open handler, which passes a URL only when ' +
        'isSafeExternalUrl accepts it (https, a host, no credentials) and then the parsed href: tests/unit/window-security ' +
        'and trusted-url prove javascript:, file:, http:, data: and custom schemes never get there.'
    },
    {
      check: 'PRELOAD_JS_CHECK',
      file: 'main/window.ts',
      level: 'note',
      why:
        'The preload is a sandboxed CommonJS file that exposes one call(method, input) on one channel and nothing of ' +
        'Node or ipcRenderer (tests/integration/build-output checks the built file; tests/unit/process-boundary the source).'
    },
    {
      check: 'CSP_GLOBAL_CHECK',
      file: 'renderer/index.html',
      level: 'note',
      why:
        "The CSP evaluator's only remark is \"script-src 'self' can be problematic if you host JSONP, Angular or user " +
        "uploaded files\". The app's origin serves only the built bundle: no JSONP, no Angular, and user files are never " +
        'served (the browser shell answers the API as application/json with nosniff). tests/unit/csp.test.ts pins the policy.'
    }
  ],
  built: [
    {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/index.js',
      level: 'note',
      why: 'The same guarded shell.openExternal as in src/main/index.ts, after bundling.'
    },
    {
      check: 'PRELOAD_JS_CHECK',
      file: 'main/index.js',
      level: 'note',
      why: 'The same sandboxed one-call preload as in src/main/window.ts, after bundling.'
    },
    {
      check: 'CSP_GLOBAL_CHECK',
      file: 'renderer/index.html',
      level: 'note',
      why: "The same script-src 'self' remark as for src/renderer/index.html."
    }
  ]
}

interface Scan {
  findings: Finding[]
  parseErrors: string[]
  seconds: number
}

/** Runs the CLI on a folder with SARIF output and reads the file back: the tool exits 0 whatever it finds. */
async function scan(input: string, outDir: string, name: string): Promise<Scan> {
  const sarifPath = join(outDir, `${name}.sarif`)
  const started = performance.now()
  const { stdout, stderr } = await promisify(execFile)(
    BIN,
    ['-i', input, '-x', OFFLINE_EXCLUDES.join(','), '-e', ELECTRON_VERSION, '-o', sarifPath, '-r', '-v', 'false'],
    { cwd: ROOT, timeout: 55_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } }
  )
  const seconds = (performance.now() - started) / 1000
  if (!existsSync(sarifPath)) throw new Error(`electronegativity wrote no report for ${input}.\nstdout:\n${stdout}\nstderr:\n${stderr}`)
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as {
    runs: {
      results: {
        ruleId: string
        level: string
        message: { text: string }
        locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[]
      }[]
    }[]
  }
  const findings = sarif.runs.flatMap((run) =>
    run.results.map((r) => ({
      check: r.ruleId,
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?',
      line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
      level: r.level,
      message: r.message.text
    }))
  )
  return { findings, parseErrors: unparsable(input), seconds }
}

/**
 * A file the tool's parser cannot read is skipped, and with `-o` it is not even mentioned (the parse errors go only to
 * the interactive table). So every script it would scan is parsed here with the tool's own parser, same settings.
 */
function unparsable(input: string): string[] {
  const load = createRequire(BIN_PACKAGE)
  const { Parser } = load('./dist/parser/parser.js') as { Parser: new (babelFirst: boolean, typescriptBabelFirst: boolean) => { parse(file: string, content: Buffer): unknown } }
  const parser = new Parser(false, true)
  const failures: string[] = []
  for (const entry of readdirSync(input, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(jsx?|tsx?)$/.test(entry.name)) continue
    const file = join(entry.parentPath, entry.name)
    try {
      parser.parse(file, readFileSync(file))
    } catch (err) {
      failures.push(`${relative(input, file)}: ${(err as Error).message}`)
    }
  }
  return failures
}

const show = (f: Finding) => `${f.check} ${f.file}:${f.line} [${f.level}] ${f.message}`
const covers = (a: Allowed, f: Finding) => a.check === f.check && a.file === f.file && a.level === f.level

function judge(result: Scan, allowed: Allowed[]) {
  for (const f of result.findings) console.log(`electronegativity: ${show(f)}${allowed.some((a) => covers(a, f)) ? '  (allowed, reviewed)' : ''}`)
  return {
    unexpected: result.findings.filter((f) => !allowed.some((a) => covers(a, f))).map(show),
    stale: allowed.filter((a) => !result.findings.some((f) => covers(a, f))).map((a) => `${a.check} ${a.file}`)
  }
}

const temp = tempDir('touchline-eng-')
let source: Scan
let built: Scan
let planted: Scan

beforeAll(async () => {
  const OUT = join(ROOT, 'out')
  if (!existsSync(join(OUT, 'main/index.js'))) throw new Error(`No build output in ${OUT}: run \`npx electron-vite build\` (npm test does) first.`)
  // The built main process, preload and page; the renderer's JS bundle is React and recharts, not Electron code.
  const builtCopy = join(temp.dir, 'built')
  mkdirSync(join(builtCopy, 'renderer'), { recursive: true })
  cpSync(join(OUT, 'main'), join(builtCopy, 'main'), { recursive: true })
  cpSync(join(OUT, 'preload'), join(builtCopy, 'preload'), { recursive: true })
  cpSync(join(OUT, 'renderer/index.html'), join(builtCopy, 'renderer/index.html'))

  // A planted app with the classic mistakes, to prove the scan and this test's parsing do report findings.
  const bad = join(temp.dir, 'bad-app')
  mkdirSync(bad, { recursive: true })
  writeFileSync(
    join(bad, 'main.js'),
    [
      "const { app, BrowserWindow, shell } = require('electron')",
      'app.whenReady().then(() => {',
      '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } })',
      "  win.loadURL('http://example.com/')",
      '  win.webContents.on("new-window", (e, url) => shell.openExternal(url))',
      '})',
      ''
    ].join('\n')
  )
  writeFileSync(join(bad, 'broken.js'), 'const = ;; function (\n')

  const reports = join(temp.dir, 'reports')
  mkdirSync(reports)
  // Three scans at once: each mostly waits on its own start-up.
  ;[source, built, planted] = await Promise.all([
    scan(join(ROOT, 'src'), reports, 'src'),
    scan(builtCopy, reports, 'built'),
    scan(bad, reports, 'planted')
  ])
  console.log(`electronegativity: src ${source.seconds.toFixed(1)} s, built ${built.seconds.toFixed(1)} s, planted ${planted.seconds.toFixed(1)} s`)
}, 60_000)

afterAll(() => temp.dispose())

describe('electronegativity on a planted bad app (the scan can fail)', () => {
  it('reports nodeIntegration on, contextIsolation off and webSecurity off as definite findings in main.js', () => {
    const definite = planted.findings.filter((f) => f.level === 'warning' && f.file === 'main.js').map((f) => f.check)
    expect(definite).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK']))
    expect(judge(planted, ALLOWED.src).unexpected.length).toBeGreaterThanOrEqual(3)
  })

  it('says when it could not parse a file, so an unreadable file cannot pass unscanned', () => {
    expect(planted.parseErrors.join('\n')).toContain('broken.js')
  })
})

describe('electronegativity on Touchline', () => {
  it('finds nothing in src/ beyond the reviewed notes, and parses every file', () => {
    expect(source.parseErrors).toEqual([])
    const { unexpected, stale } = judge(source, ALLOWED.src)
    expect(unexpected).toEqual([])
    expect(stale).toEqual([])
  })

  it('finds nothing in the built main process, preload and page beyond the reviewed notes', () => {
    expect(built.parseErrors).toEqual([])
    const { unexpected, stale } = judge(built, ALLOWED.built)
    expect(unexpected).toEqual([])
    expect(stale).toEqual([])
  })

  it('sees the window where it is made: no finding about the window’s security defaults', () => {
    const windowChecks = /NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX|WEB_SECURITY|INSECURE_CONTENT|AUXCLICK|EXPERIMENTAL|BLINK/
    expect([...source.findings, ...built.findings].filter((f) => windowChecks.test(f.check)).map(show)).toEqual([])
  })

  it('runs well under a minute', () => {
    expect(Math.max(source.seconds, built.seconds, planted.seconds)).toBeLessThan(45)
  })
})
