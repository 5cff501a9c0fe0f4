// Private 1:1 notes never leave: the deals CSV, the 1:1 brief (what the PDF prints) and the kickoff deck's data hold none of their text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import type { WorkspaceSession } from '../../src/main/session'
import { openDemoSession } from '../support/session'
import { type TempWorkspace } from '../support/workspace'

/** Unique enough that a hit can only be the note; one line, so it would be the note's excerpt too. */
const MARKER = 'PRIVATE-MARKER-7f3a9c Ana is interviewing elsewhere'
const OLDER_MARKER = 'PRIVATE-MARKER-older-2b81 considering a counter-offer'

let ws: TempWorkspace
let session: WorkspaceSession
let ctx: Context
let repId: number
let teamId: number

async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const envelope = await dispatch(handlers, ctx, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as MethodOutput<K>
}

const leaks = (value: unknown) => {
  const text = JSON.stringify(value)
  return ['PRIVATE-MARKER', 'interviewing elsewhere', 'counter-offer'].filter((m) => text.includes(m))
}

beforeAll(async () => {
  ;({ ws, session, ctx } = await openDemoSession())
  const rep = session.requireStore().sqlite.prepare("SELECT id, team_id FROM reps WHERE status = 'active' AND team_id IS NOT NULL ORDER BY id LIMIT 1").get() as {
    id: number
    team_id: number
  }
  repId = rep.id
  teamId = rep.team_id
  const meeting = await call('oneOnOnes.start', { repId, agenda: 'Pipeline review' })
  // An older private version, then the current private body: neither may leave.
  await call('notes.save', { oneOnOneId: meeting.oneOnOne.id, body: `${OLDER_MARKER}\n\nmore`, sharedWithRep: false })
  await call('notes.save', { oneOnOneId: meeting.oneOnOne.id, body: `${MARKER}\n\n- follow up on Acme`, sharedWithRep: false })
  await call('oneOnOnes.setStatus', { id: meeting.oneOnOne.id, status: 'held' })
})

afterAll(async () => {
  await session.close()
  ws.dispose()
})

describe('private 1:1 notes never leave the manager', () => {
  it('the note is stored and findable by the manager (so the searches below can hit)', async () => {
    const hits = await call('search.notes', { query: 'interviewing elsewhere', repId })
    expect(hits.total).toBe(1)
    const stored = session.requireStore().sqlite.prepare('SELECT body FROM coaching_notes WHERE rep_id = ? AND body LIKE ?').pluck().all(repId, '%PRIVATE-MARKER%')
    expect(stored).toHaveLength(1)
    expect(leaks(await call('oneOnOnes.list', { repId }))).not.toEqual([])
  })

  it('the deals CSV export holds none of it', async () => {
    for (const status of ['all', 'open', 'won', 'lost'] as const) {
      const { csv } = await call('export.dealsCsv', { status })
      expect(csv.length).toBeGreaterThan(100)
      expect(leaks(csv), status).toEqual([])
    }
  })

  it("the 1:1 brief (the prep sheet the PDF prints) and the rep's card hold none of it", async () => {
    const prep = await call('oneOnOnes.prep', { repId })
    expect(prep.lastOneOnOne).not.toBeNull()
    expect(prep.recent.length).toBeGreaterThan(0)
    expect(leaks(prep)).toEqual([])
    expect(leaks(await call('reps.card', { repId }))).toEqual([])
    expect(leaks(await call('reps.cards', { teamId }))).toEqual([])
  })

  it("the kickoff deck's data (comparison, team visibility, tier-one relationships) holds none of it", async () => {
    for (const windowDays of [28, 90] as const) {
      expect(leaks(await call('visibility.compare', { windowDays }))).toEqual([])
      expect(leaks(await call('visibility.compare', { windowDays, teamId }))).toEqual([])
      expect(leaks(await call('visibility.team', { windowDays, limit: 500 }))).toEqual([])
    }
    expect(leaks(await call('relationships.tierOne', { limit: 500 }))).toEqual([])
    expect(leaks(await call('relationships.tierOne', { teamId, limit: 500 }))).toEqual([])
  })
})
