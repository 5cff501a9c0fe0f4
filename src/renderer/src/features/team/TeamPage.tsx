// Team & 1:1s: rep cards (and managing teams and reps), then one rep's prep sheet beside the 1:1 itself; note search across all reps.
import { useState } from 'react'
import type { RepRow, TeamRow } from '@shared/contract'
import { useSearchParams } from 'react-router'
import { exportPdf } from '../../api/print'
import { EmptyState, ErrorBanner, Loading, PageHeader, Pager } from '../../kit/kit'
import { DealPeek } from './DealPeek'
import { MeetingPanel } from './MeetingPanel'
import { NoteSearch } from './NoteSearch'
import { PrepSheetView } from './PrepSheetView'
import { RepCards } from './RepCards'
import { useLeftReps, usePrepSheet, useRepCards, useTeams } from './hooks'
import { LeaveDialog, LeftReps, MoveDialog, ReassignDialog, RepDialog, TeamDialog } from './TeamAdmin'
import './team-admin.css'

/** Which management dialog is open, with what it acts on. */
type AdminDialog =
  | { kind: 'new-team' }
  | { kind: 'rename-team'; team: TeamRow }
  | { kind: 'add-rep' }
  | { kind: 'edit-rep'; repId: number }
  | { kind: 'move'; rep: { id: number; name: string; teamId: number | null } }
  | { kind: 'leave'; rep: { id: number; name: string } }
  | { kind: 'reassign'; rep: RepRow }

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
  const [showLeft, setShowLeft] = useState(false)
  const [dialog, setDialog] = useState<AdminDialog | null>(null)
  const left = useLeftReps(teamId, repId === null)
  const orphaned = (left.data?.rows ?? []).filter((r) => r.openDeals > 0)
  const selectedTeam = teams.data?.find((t) => t.id === teamId)

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
        <EmptyState
          title="No teams yet"
          action={
            <button type="button" className="button primary" onClick={() => setDialog({ kind: 'new-team' })}>
              New team
            </button>
          }
        >
          Add a team and its reps, or import your CRM's users with their deals.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar team-toolbar">
            <div className="team-tabs" role="tablist" aria-label="Teams">
              <button type="button" role="tab" aria-selected={teamId === undefined} className={teamId === undefined ? 'tab active' : 'tab'} onClick={() => (setOffset(0), setTeamId(undefined))}>
                All teams
              </button>
              {teams.data?.map((t) => (
                <button key={t.id} type="button" role="tab" aria-selected={teamId === t.id} className={teamId === t.id ? 'tab active' : 'tab'} onClick={() => (setOffset(0), setTeamId(t.id))}>
                  {t.name} <span className="muted">· {t.activeReps}</span>
                </button>
              ))}
            </div>
            <div className="team-admin-actions">
              <button type="button" className="button" onClick={() => setDialog({ kind: 'new-team' })}>
                New team
              </button>
              {selectedTeam ? (
                <button type="button" className="button" onClick={() => setDialog({ kind: 'rename-team', team: selectedTeam })}>
                  Rename team…
                </button>
              ) : null}
              <button type="button" className="button primary" onClick={() => setDialog({ kind: 'add-rep' })}>
                Add rep
              </button>
              <label className="toggle">
                <input type="checkbox" checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)} /> Show people who left
              </label>
            </div>
          </div>
          {orphaned.length > 0 && !showLeft ? (
            <p className="orphaned-note" role="status">
              {orphaned.length === 1 ? `${orphaned[0]!.name} has left but` : `${orphaned.length} people who left`} still {orphaned.length === 1 ? 'owns' : 'own'}{' '}
              {orphaned.reduce((n, r) => n + r.openDeals, 0).toLocaleString()} open deals that need a new owner.{' '}
              <button type="button" className="button ghost" onClick={() => setShowLeft(true)}>
                Show people who left
              </button>
            </p>
          ) : null}
          {cards.isPending ? (
            <Loading label="Loading reps…" />
          ) : cards.data && cards.data.total === 0 ? (
            <EmptyState
              title={selectedTeam ? `No active reps in ${selectedTeam.name}` : 'No active reps'}
              action={
                <button type="button" className="button primary" onClick={() => setDialog({ kind: 'add-rep' })}>
                  Add rep
                </button>
              }
            >
              Add the people who sell, or move someone here from another team.
            </EmptyState>
          ) : cards.data ? (
            <>
              <RepCards
                cards={cards.data.rows}
                onOpen={(id) => openRep(id)}
                actions={(c) => (
                  <>
                    <button type="button" className="button ghost" aria-label={`Edit ${c.name}`} onClick={() => setDialog({ kind: 'edit-rep', repId: c.repId })}>
                      Edit
                    </button>
                    <button type="button" className="button ghost" aria-label={`Move ${c.name} to team…`} onClick={() => setDialog({ kind: 'move', rep: { id: c.repId, name: c.name, teamId: c.teamId } })}>
                      Move to team…
                    </button>
                    <button type="button" className="button ghost" aria-label={`Mark ${c.name} as left…`} onClick={() => setDialog({ kind: 'leave', rep: { id: c.repId, name: c.name } })}>
                      Mark as left…
                    </button>
                  </>
                )}
              />
              <Pager offset={cards.data.offset} limit={cards.data.limit} total={cards.data.total} onChange={setOffset} />
            </>
          ) : null}
          {showLeft ? <LeftReps teamId={teamId} onReassign={(rep) => setDialog({ kind: 'reassign', rep })} /> : null}
        </>
      )}
      {dialog?.kind === 'new-team' ? <TeamDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'rename-team' ? <TeamDialog team={dialog.team} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'add-rep' ? <RepDialog teams={teams.data ?? []} defaultTeamId={teamId} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit-rep' ? <RepDialog repId={dialog.repId} teams={teams.data ?? []} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'move' ? <MoveDialog rep={dialog.rep} teams={teams.data ?? []} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'leave' ? <LeaveDialog rep={dialog.rep} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reassign' ? <ReassignDialog rep={dialog.rep} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}
