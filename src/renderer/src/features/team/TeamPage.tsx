// Team & 1:1s: the teams and their reps with open pipeline; the 1:1 prep sheet builds on this.
import { useState } from 'react'
import type { RepRow } from '@shared/contract'
import { useCall } from '../../api/query'
import { Chip, DataTable, EmptyState, ErrorBanner, Loading, PageHeader, Pager, type Column } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'

const COLUMNS: Column<RepRow>[] = [
  { key: 'name', header: 'Rep', render: (r) => <span className="strong">{r.name}</span> },
  { key: 'team', header: 'Team', render: (r) => r.teamName ?? '—' },
  { key: 'role', header: 'Role', render: (r) => r.role.toUpperCase() },
  { key: 'hired', header: 'Hired', render: (r) => formatDate(r.hireDate) },
  { key: 'quota', header: 'Quota', align: 'right', render: (r) => formatMoney(r.quotaMinor, r.quotaCurrency, { compact: true }) },
  { key: 'deals', header: 'Open deals', align: 'right', render: (r) => r.openDeals.toLocaleString() },
  { key: 'pipeline', header: 'Open pipeline', align: 'right', render: (r) => formatMoney(r.openPipelineMinor, r.quotaCurrency, { compact: true }) },
  { key: 'status', header: 'Status', render: (r) => (r.status === 'left' ? <Chip tone="warn">Left {formatDate(r.leftDate)}</Chip> : <Chip tone="good">Active</Chip>) }
]

export function TeamPage() {
  const [teamId, setTeamId] = useState<number | undefined>(undefined)
  const [offset, setOffset] = useState(0)
  const teams = useCall('teams.list', {})
  const reps = useCall('reps.list', { teamId, status: 'all', offset, limit: 50 })
  return (
    <>
      <PageHeader title="Team & 1:1s" subtitle="Walk into each one-on-one knowing what changed, what lacks evidence and what was promised." />
      <ErrorBanner error={teams.error ?? reps.error} />
      {teams.data && teams.data.length === 0 ? (
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
          {reps.isPending ? (
            <Loading label="Loading reps…" />
          ) : reps.data ? (
            <>
              <DataTable caption="Reps" columns={COLUMNS} rows={reps.data.rows} />
              <Pager offset={reps.data.offset} limit={reps.data.limit} total={reps.data.total} onChange={setOffset} />
            </>
          ) : null}
          <EmptyState title="1:1 prep sheets are coming">
            Each rep's prep sheet will be built from the data: what changed since the last 1:1, deals flagged by
            inspection, the rep's call against the evidence, activity by week, and action items that carry over.
          </EmptyState>
        </>
      )}
    </>
  )
}
