// `npm run import` as a child process on the fixtures: a new workspace, counts in text and JSON, a dry run that
// changes nothing, and a bad file that exits non-zero naming file, row and column.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID } from '../../src/main/store/open'
import { LATEST_VERSION } from '../../src/main/store/migrations'
import type { ImportOutcome } from '../../src/shared/contract'
import { tempDir } from '../support/workspace'

const ROOT = resolve(__dirname, '..', '..')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import')
const fixture = (name: string) => join(FIXTURES, name)

function runImport(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const out = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: out.status, stdout: out.stdout, stderr: out.stderr }
}

interface JsonReport {
  ok: boolean
  workspace: string
  created: boolean
  dryRun: boolean
  files: { file: string; ok: boolean; result: ImportOutcome | null; error: { code: string; message: string } | null }[]
}

let dir: ReturnType<typeof tempDir>
let workspace: string
beforeEach(() => {
  dir = tempDir('touchline-import-cli-')
  workspace = join(dir.dir, 'team.sqlite')
})
afterEach(() => dir.dispose())

function read<T>(sql: string): T[] {
  const db = new Database(workspace, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

describe('npm run import', () => {
  it('creates a missing workspace through the app\'s open path and prints source, encoding and counts', () => {
    const out = runImport(fixture('salesforce-report-preamble-footer.csv'), fixture('windows-1252-accents.csv'), '--workspace', workspace)
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout).toContain(`Created workspace ${workspace}`)
    expect(out.stdout).toContain('salesforce-report-preamble-footer.csv: Salesforce opportunity report, utf-8-bom')
    expect(out.stdout).toContain('created: 3 deals, 0 connections, 0 activities, 3 accounts, 2 reps')
    expect(out.stdout).toContain('3 report footer row(s) dropped')
    expect(out.stdout).toMatch(/windows-1252-accents\.csv: .*, windows-1252/)
    const db = new Database(workspace, { readonly: true })
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    } finally {
      db.close()
    }
    expect(read<{ n: number }>("SELECT count(*) AS n FROM deals WHERE external_id LIKE 'salesforce:006A%'")).toEqual([{ n: 3 }])
    expect(read<{ file_name: string }>('SELECT file_name FROM import_batches ORDER BY id')).toEqual([
      { file_name: 'salesforce-report-preamble-footer.csv' },
      { file_name: 'windows-1252-accents.csv' }
    ])
  }, 90_000)

  it('--json prints one object; --dry-run reports what would change and leaves the workspace as it was', () => {
    expect(runImport(fixture('salesforce-report-preamble-footer.csv'), '--workspace', workspace).code).toBe(0)
    const before = read('SELECT * FROM deals ORDER BY id')
    const batchesBefore = read('SELECT * FROM import_batches')

    const dry = runImport(fixture('salesforce-report-preamble-footer.csv'), fixture('activities-us-dates-semicolons-unknown-type-footer.csv'), '--workspace', workspace, '--dry-run', '--json')
    expect(dry.code).toBe(0)
    const report = JSON.parse(dry.stdout) as JsonReport
    expect(report).toMatchObject({ ok: true, created: false, dryRun: true })
    expect(report.files.map((f) => f.result)).toMatchObject([
      { source: 'salesforce-report', dealsCreated: 0, dealsUpdated: 3, dryRun: true, backup: 'none (dry run)' },
      { source: 'activities', activitiesCreated: 3, skipped: 2, rowsRead: 5, dropped: 1, problemCount: 2 }
    ])
    expect(report.files[1]?.result?.problems[0]).toMatchObject({ row: 4, column: 'Type' })
    expect(read('SELECT * FROM deals ORDER BY id')).toEqual(before)
    expect(read('SELECT * FROM import_batches')).toEqual(batchesBefore)
    expect(read<{ n: number }>('SELECT count(*) AS n FROM activities')).toEqual([{ n: 0 }])
  }, 90_000)

  it('a dry run against a workspace that does not exist leaves no file behind', () => {
    const out = runImport(fixture('hubspot-fraction-probability-datetimes.csv'), '--workspace', workspace, '--dry-run')
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('would create: 3 deals')
    expect(existsSync(workspace)).toBe(false)
  }, 90_000)

  it('a bad file exits non-zero naming file, row and column, and the good file beside it is still imported', () => {
    const bad = join(dir.dir, 'activities-mixed-date-order.csv')
    writeFileSync(bad, 'Occurred At,Activity Type,Rep\n13/01/2026,Call,Ann Lee\n01/13/2026,Call,Ann Lee\n')
    const out = runImport(bad, fixture('hubspot-fraction-probability-datetimes.csv'), '--workspace', workspace)
    expect(out.code).toBe(1)
    expect(out.stderr).toContain('activities-mixed-date-order.csv: INVALID_INPUT: file "activities-mixed-date-order.csv", row 3, column "Occurred At": "01/13/2026" contradicts the day/month order of the dates above it')
    expect(read<{ n: number }>('SELECT count(*) AS n FROM activities')).toEqual([{ n: 0 }])
    expect(read<{ file_name: string }>('SELECT file_name FROM import_batches')).toEqual([{ file_name: 'hubspot-fraction-probability-datetimes.csv' }])

    const missing = join(dir.dir, 'missing-close-date.csv')
    writeFileSync(missing, 'Opportunity Name,Account Name,Stage\nBig deal,Acme,Prospecting\n')
    const forced = runImport(missing, '--workspace', workspace, '--source', 'salesforce-report')
    expect(forced.code).toBe(1)
    expect(forced.stderr).toContain('file "missing-close-date.csv", row 1, column "Close Date": a Salesforce opportunity report file needs the column(s) Close Date')

    const json = runImport(missing, '--workspace', workspace, '--json')
    expect(json.code).toBe(1)
    const report = JSON.parse(json.stdout) as JsonReport
    expect(report.ok).toBe(false)
    // Undetected, it still looks like a Salesforce report (two of its signature headers): the refusal names the column it lacks.
    expect(report.files[0]?.error?.message).toBe('file "missing-close-date.csv", row 1, column "Close Date": a Salesforce opportunity report file needs the column(s) Close Date')
  }, 90_000)

  it('refuses an archive without --rep, an unknown rep, and an unknown source, before touching anything', () => {
    expect(runImport(fixture('salesforce-report-preamble-footer.csv'), '--workspace', workspace).code).toBe(0)
    const noRep = runImport(fixture('linkedin-connections-notes-preamble.csv'), '--workspace', workspace)
    expect(noRep.code).toBe(1)
    expect(noRep.stderr).toContain('choose the rep whose LinkedIn archive this is (--rep NAME)')
    const unknown = runImport(fixture('linkedin-connections-notes-preamble.csv'), '--workspace', workspace, '--rep', 'Nobody Here')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('NOT_FOUND: no rep named "Nobody Here"')
    const source = runImport(fixture('linkedin-connections-notes-preamble.csv'), '--workspace', workspace, '--source', 'excel')
    expect(source.code).toBe(2)
    expect(source.stderr).toContain('--source must be one of')
    const ok = runImport(fixture('linkedin-connections-notes-preamble.csv'), '--workspace', workspace, '--rep', 'sam okafor')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('created: 0 deals, 3 connections')
    expect(ok.stdout).toContain('warning: row 6, column "First Name": no name (a hidden profile): skipped')
  }, 90_000)
})
