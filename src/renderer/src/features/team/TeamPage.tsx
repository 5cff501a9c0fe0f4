// Team & 1:1s: rep cards, then one rep's prep sheet (the printable brief) beside the 1:1 itself; note search across all reps.
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { exportPdf } from '../../api/print'
import { EmptyState, ErrorBanner, Loading, PageHeader, Pager } from '../../kit/kit'
import { DealPeek } from './DealPeek'
import { MeetingPanel } from './MeetingPanel'
import { NoteSearch } from './NoteSearch'
import { PrepSheetView } from './PrepSheetView'
import { RepCards } from './RepCards'
import { usePrepSheet, useRepCards, useTeams } from './hooks'

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null)

function RepPage({ repId, meetingId, dealId, setParam }: { repId: number; meetingId: number | null; dealId: number | null; setParam: (key: string, value: number | null) => void }) {
  const prep = usePrepSheet(repId)
  const sheet = prep.data && prep.data.card.repId === repId ? prep.data : null
  // Back on the page after a 1:1 started today: reopen it rather than asking to start another.
  const today = sheet?.card.daysSinceLastOneOnOne === 0 ? sheet.recent.find((o) => o.heldAt !== null && o.heldAt === sheet.card.lastOneOnOneAt) : undefined
  const meeting = meetingId ?? today?.id ?? null
  return (
    <>
      <div className="toolbar no-print">
        <button type="button" className="button" onClick={() => setParam('rep', null)}>
          ← All reps
        </button>
        <button type="button" className="button" onClick={() => void exportPdf(`Touchline brief ${sheet?.card.name ?? ''}`.trim())} disabled={!sheet}>
          Export brief (PDF)
        </button>
      </div>
      <ErrorBanner error={prep.error} />
      {!sheet ? (
        <Loading label="Building the prep sheet…" />
      ) : (
        <div className="rep-layout">
          <PrepSheetView sheet={sheet} />
          <div className="rep-side">
            {dealId !== null ? <DealPeek dealId={dealId} onClose={() => setParam('deal', null)} /> : null}
            <MeetingPanel sheet={sheet} meetingId={meeting} onMeeting={(id) => setParam('meeting', id)} />
          </div>
        </div>
      )}
    </>
  )
}

export function TeamPage() {
  const [params, setParams] = useSearchParams()
  const [teamId, setTeamId] = useState<number | undefined>(undefined)
  const [offset, setOffset] = useState(0)
  const repId = num(params.get('rep'))
  const teams = useTeams()
  const cards = useRepCards(teamId, offset)

  const setParam = (key: string, value: number | null) => {
    const next = new URLSearchParams(params)
    if (value === null) next.delete(key)
    else next.set(key, String(value))
    // A different rep starts clean: no 1:1 or deal of the previous one.
    if (key === 'rep') (next.delete('meeting'), next.delete('deal'))
    setParams(next)
  }
  const openRep = (id: number, meeting: number | null = null) => {
    const next = new URLSearchParams()
    next.set('rep', String(id))
    if (meeting !== null) next.set('meeting', String(meeting))
    setParams(next)
  }

  return (
    <div className="team-page">
      <PageHeader
        title="Team & 1:1s"
        subtitle="Walk into each one-on-one knowing what changed, what lacks evidence and what was promised."
        actions={<NoteSearch onOpen={(hit) => openRep(hit.repId, hit.oneOnOneId)} />}
      />
      <ErrorBanner error={teams.error ?? cards.error} />
      {repId !== null ? (
        <RepPage repId={repId} meetingId={num(params.get('meeting'))} dealId={num(params.get('deal'))} setParam={setParam} />
      ) : teams.data && teams.data.length === 0 ? (
        <EmptyState title="No teams yet">Add a team and its reps, or import your CRM's users with their deals.</EmptyState>
      ) : (
        <>
          <div className="toolbar" role="tablist" aria-label="Teams">
            <button type="button" role="tab" aria-selected={teamId === undefined} className={teamId === undefined ? 'tab active' : 'tab'} onClick={() => (setOffset(0), setTeamId(undefined))}>
              All teams
            </button>
            {teams.data?.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={teamId === t.id} className={teamId === t.id ? 'tab active' : 'tab'} onClick={() => (setOffset(0), setTeamId(t.id))}>
                {t.name} <span className="muted">· {t.activeReps}</span>
              </button>
            ))}
          </div>
          {cards.isPending ? (
            <Loading label="Loading reps…" />
          ) : cards.data ? (
            <>
              <RepCards cards={cards.data.rows} onOpen={(id) => openRep(id)} />
              <Pager offset={cards.data.offset} limit={cards.data.limit} total={cards.data.total} onChange={setOffset} />
            </>
          ) : null}
        </>
      )}
    </div>
  )
}
