// Erasing a candidate through the contract: every trace leaves the workspace file (and its log), others stay intact.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CandidateDetail, CompactResult, MethodInput, MethodName, MethodOutput, RequisitionDetail } from '../../src/shared/contract'
import type { WireError } from '../../src/shared/errors'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import type { WorkspaceSession } from '../../src/main/session'
import { backupFolder } from '../../src/main/store/backups'
import { CANDIDATE_TABLES } from '../../src/main/services/recruiting/erase'
import { attachmentFolder } from '../../src/main/services/recruiting/attachments'
import { openDemoSession } from '../support/session'
import { type TempWorkspace } from '../support/workspace'
import { workspaceHash } from '../support/workspace-hash'

const NAME = 'Zebulon Quartermaine-Ødegaard'
const OTHER = 'Ysolde Brackenridge'
const PANEL_GUIDE = 'The panel guide every candidate gets.\n'
const b64 = (text: string) => Buffer.from(text).toString('base64')

let ws: TempWorkspace
let session: WorkspaceSession
let ctx: Context
let req: RequisitionDetail
let zebulon: CandidateDetail
let duplicate: CandidateDetail
let ysolde: CandidateDetail

async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const envelope = await dispatch(handlers, ctx, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as MethodOutput<K>
}

async function refusal<K extends MethodName>(method: K, input: MethodInput<K>): Promise<WireError> {
  const envelope = await dispatch(handlers, ctx, method, input)
  if (envelope.ok) throw new Error(`${method} was expected to fail`)
  return envelope.error
}

/** Every spelling the name could be stored in: as typed, folded to lower case, and in both UTF-16 byte orders. */
function needles(name: string): { label: string; bytes: Buffer }[] {
  const forms = [name, name.toLowerCase(), 'Quartermaine', 'quartermaine', 'zebulon.q@example.com']
  return forms.flatMap((f) => [
    { label: `utf-8 "${f}"`, bytes: Buffer.from(f, 'utf8') },
    { label: `utf-16le "${f}"`, bytes: Buffer.from(f, 'utf16le') },
    { label: `utf-16be "${f}"`, bytes: Buffer.from(f, 'utf16le').swap16() }
  ])
}

function tracesIn(file: string): string[] {
  if (!existsSync(file)) return []
  const bytes = readFileSync(file)
  return needles(NAME)
    .filter((n) => bytes.includes(n.bytes))
    .map((n) => n.label)
}

beforeAll(async () => {
  ;({ ws, session, ctx } = await openDemoSession())

  req = await call('requisitions.create', {
    title: 'Enterprise AE, Nordics',
    questions: [
      { prompt: 'Tell us about a deal you won as a team', anchorLow: 'Solo hero', anchorHigh: 'Orchestrated the team' },
      { prompt: 'Which sales tools do you use daily?', anchorLow: 'None', anchorHigh: 'CRM, sequencing, intent data' }
    ]
  })
  const profile = (name: string, email: string): MethodInput<'candidates.create'> => ({
      name,
      email,
      phone: '+47 400 00 000',
      location: 'Tromsø',
      currentCompany: 'Fjordline Software',
      currentTitle: 'Account Executive',
      linkedinUrl: `https://www.linkedin.com/in/${email.split('@')[0]!.replace(/\./g, '-')}`,
      researchNotes: `${name} ran the Nordic expansion; ask ${name} about the Equinor deal.`,
      social: { connections: 812, followers: 1400, posts90d: 12, visibilityShare: 0.3 },
      trackRecord: [
        { year: 2024, quotaMinor: 90_000_000, currency: 'EUR', attainmentPct: 131, segment: `${name}'s enterprise book` },
        { year: 2025, quotaMinor: 100_000_000, currency: 'EUR', attainmentPct: 118 }
      ],
      requisitionId: req.id,
      stage: 'screening'
    })
  zebulon = await call('candidates.create', profile(NAME, 'zebulon.q@example.com'))
  // The same person entered twice, then merged: erasing the survivor must take the merged profile too.
  duplicate = await call('candidates.create', { ...profile(NAME, 'zq@other.example'), requisitionId: undefined, stage: undefined, allowDuplicate: true })
  // Files: one on each profile of the person (their name in the file and in its name), and one they share with Ysolde.
  await call('attachments.add', { candidateId: duplicate.id, fileName: `${NAME} (old).txt`, dataBase64: b64(`${NAME}, older resume\n`) })
  await call('attachments.add', { candidateId: zebulon.id, fileName: `${NAME} resume.txt`, dataBase64: b64(`${NAME}, resume\n`) })
  await call('attachments.add', { candidateId: zebulon.id, fileName: 'panel guide.txt', dataBase64: b64(PANEL_GUIDE) })
  zebulon = await call('candidates.merge', { keepId: zebulon.id, mergeId: duplicate.id })
  ysolde = await call('candidates.create', profile(OTHER, 'ysolde.b@example.com'))
  await call('attachments.add', { candidateId: ysolde.id, fileName: 'panel guide.txt', dataBase64: b64(PANEL_GUIDE) })

  await call('candidates.move', { candidateId: zebulon.id, requisitionId: req.id, stage: 'interviews', reason: `${NAME} passed the screen` })
  for (const interviewer of ['Maren Holt', 'Idris Okafor']) {
    for (const who of [zebulon, ysolde]) {
      await call('scorecards.submit', {
        candidateId: who.id,
        requisitionId: req.id,
        interviewer,
        recommendation: 'yes',
        summary: `${who.name} was convincing on team selling.`,
        ratings: req.questions.map((q) => ({ questionId: q.id, rating: 3, notes: `${who.name} gave a concrete example` }))
      })
    }
  }
  // Make sure the name has reached the main file too, not only the write-ahead log.
  session.requireStore().sqlite.pragma('wal_checkpoint(TRUNCATE)')
})

afterAll(async () => {
  await session.close()
  ws.dispose()
})

describe('recruiting.eraseCandidate', () => {
  it('names every table whose foreign keys reach candidates, and no full-text index covers candidate tables', () => {
    const sqlite = session.requireStore().sqlite
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[]
    // Tables reaching candidates directly or through another candidate table (stage history via applications).
    const reach = new Set<string>(['candidates'])
    for (let changed = true; changed; ) {
      changed = false
      for (const t of tables) {
        if (reach.has(t.name) || /^CREATE VIRTUAL/i.test(t.sql)) continue
        const fks = sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t.name) as string[]
        if (fks.some((f) => reach.has(f))) {
          reach.add(t.name)
          changed = true
        }
      }
    }
    expect([...reach].sort()).toEqual([...CANDIDATE_TABLES].sort())
    const fts = tables.filter((t) => /USING\s+fts5/i.test(t.sql))
    expect(fts.length).toBeGreaterThan(0)
    for (const t of fts) expect(t.sql, t.name).not.toMatch(/content\s*=\s*'?(candidate|track_records|scorecard)/i)
  })

  it('is refused when confirmName is not the name, and nothing changes', async () => {
    const sqlite = session.requireStore().sqlite
    const before = workspaceHash(sqlite)
    for (const confirmName of ['Zebulon', NAME.toUpperCase(), OTHER, '']) {
      const error = await refusal('recruiting.eraseCandidate', { id: zebulon.id, confirmName })
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toContain('input.confirmName')
      expect(error.message).toContain(NAME)
    }
    // Another candidate's name does not unlock this one, and a merged-away profile points at its survivor.
    expect(await refusal('recruiting.eraseCandidate', { id: duplicate.id, confirmName: NAME })).toMatchObject({ code: 'CONFLICT' })
    expect((await refusal('recruiting.eraseCandidate', { id: 9_999_999, confirmName: NAME })).code).toBe('NOT_FOUND')
    expect(workspaceHash(sqlite)).toBe(before)
    expect(tracesIn(ws.path)).not.toEqual([])
  })

  it('removes every trace from the file and its log after compacting, and leaves the other candidate intact', async () => {
    const sqlite = session.requireStore().sqlite
    const ysoldeBefore = await call('candidates.get', { id: ysolde.id })

    // The name typed with a decomposed Ø and stray spaces still matches: people type names, not code points.
    const erased = await call('recruiting.eraseCandidate', { id: zebulon.id, confirmName: `  ${NAME.normalize('NFD')} ` })
    expect(erased).toEqual({ candidateId: zebulon.id, profiles: 2, applications: 1, stageMoves: 2, trackRecordYears: 4, scorecards: 2, ratings: 2 * req.questions.length, attachments: 3 })
    expect(sqlite.prepare('SELECT count(*) FROM candidates WHERE id IN (?, ?)').pluck().get(zebulon.id, duplicate.id)).toBe(0)
    expect((await refusal('candidates.get', { id: zebulon.id })).code).toBe('NOT_FOUND')

    const compacted: CompactResult = await call('workspace.compact', {})
    expect(compacted.bytesAfter).toBeGreaterThan(0)
    expect(compacted.bytesAfter).toBeLessThanOrEqual(compacted.bytesBefore)
    expect(tracesIn(ws.path)).toEqual([])
    expect(tracesIn(`${ws.path}-wal`)).toEqual([])
    // The backup compacting takes first is written from live rows only, so it holds nothing of the erased candidate
    // either, and it is a listed backup that can be restored.
    expect(tracesIn(join(backupFolder(ws.path), compacted.backup))).toEqual([])
    expect((await call('backups.list', {})).backups.map((b) => b.name)).toContain(compacted.backup)

    expect(await call('candidates.get', { id: ysolde.id })).toEqual(ysoldeBefore)
    // Their files are gone from disk; the one Ysolde also holds stays, and is still hers.
    const files = attachmentFolder(ws.path)
    const left = readdirSync(files, { recursive: true, encoding: 'utf8' }).map((f) => join(files, f)).filter((f) => statSync(f).isFile())
    expect(left).toHaveLength(1)
    expect(readFileSync(left[0]!, 'utf8')).toBe(PANEL_GUIDE)
    expect(left.flatMap(tracesIn)).toEqual([])
    expect((await call('attachments.list', { candidateId: ysolde.id })).rows.map((r) => r.name)).toEqual(['panel guide.txt'])
    expect(ysoldeBefore.interviews).toHaveLength(2)
    expect(ysoldeBefore.researchNotes).toContain(OTHER)
    expect(tracesIn(ws.path)).toEqual([])
    expect(readFileSync(ws.path).includes(Buffer.from(OTHER, 'utf8'))).toBe(true)
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('compacting again in the same second keeps both backups listed (and so rotated)', async () => {
    // The test clock never moves, so this backup's name collides with the previous one and gets a number.
    const again = await call('workspace.compact', {})
    expect(again.backup).toMatch(/-manual\.\d+\.sqlite$/)
    const names = (await call('backups.list', {})).backups.map((b) => b.name)
    expect(names).toContain(again.backup)
    expect(again.bytesAfter).toBeLessThanOrEqual(again.bytesBefore)
  })
})
