// One period's forecast: the grid of reps × figures with drill-down, recording a call, closing with accuracy, and accuracy history.
import { useState, type FormEvent } from 'react'
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CloseResult, DrillColumn, ForecastCall, ForecastGridRow, ForecastPeriod, PeriodKind } from '@shared/contract'
import { Chip, DataTable, ErrorBanner, Loading, Pager, Stat, type Column } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { ChartPanel } from './ChartPanel'
import { DrillPanel, type DrillRequest } from './DrillPanel'
import { useAccuracyHistory, useCalls, useClosePeriod, useGrid, useRecordCall } from './hooks'
import { SERIES, csvMoney, money, pct } from './present'

const DRILLABLE: { key: DrillColumn; header: string; pick: (r: ForecastGridRow) => number }[] = [
  { key: 'closed_won', header: 'Closed won', pick: (r) => r.closedWonMinor },
  { key: 'commit', header: 'Commit', pick: (r) => r.commitMinor },
  { key: 'best_case', header: 'Best case', pick: (r) => r.bestCaseMinor },
  { key: 'pipeline', header: 'Pipeline', pick: (r) => r.pipelineMinor }
]

function scopeOf(r: ForecastGridRow): { repId?: number; teamId?: number } {
  if (r.level === 'rep' && r.repId !== null) return { repId: r.repId }
  if (r.level === 'team' && r.teamId !== null) return { teamId: r.teamId }
  return {}
}

export function CallsView({ period, teamId, target }: { period: ForecastPeriod; teamId?: number; target: number }) {
  const grid = useGrid(period.id, teamId)
  const [drill, setDrill] = useState<DrillRequest | null>(null)
  const [selected, setSelected] = useState<ForecastGridRow | null>(null)
  const [closed, setClosed] = useState<CloseResult | null>(null)
  const close = useClosePeriod()
  const currency = grid.data?.currency ?? 'USD'

  const openDrill = (r: ForecastGridRow, column: DrillColumn, header: string) =>
    setDrill({ title: `${header} — ${r.name}, ${period.label}`, input: { periodId: period.id, column, ...scopeOf(r) } })

  const drillCell = (r: ForecastGridRow, column: DrillColumn, header: string, value: number) => (
    <button
      type="button"
      className="fc-cell"
      title={`Show the deals behind ${header.toLowerCase()} for ${r.name}`}
      onClick={(e) => {
        e.stopPropagation()
        openDrill(r, column, header)
      }}
    >
      {money(value, currency)}
    </button>
  )

  const columns: Column<ForecastGridRow>[] = [
    {
      key: 'name',
      header: 'Rep',
      render: (r) => <span className={r.level === 'rep' ? 'fc-rep' : 'fc-rollup'}>{r.level === 'team' ? `${r.name} (team)` : r.name}</span>
    },
    { key: 'quota', header: 'Quota', align: 'right', render: (r) => money(r.quotaMinor, currency) },
    ...DRILLABLE.map((d): Column<ForecastGridRow> => ({ key: d.key, header: d.header, align: 'right', render: (r) => drillCell(r, d.key, d.header, d.pick(r)) })),
    { key: 'repCall', header: "Rep's call", align: 'right', render: (r) => money(r.repCallMinor, currency) },
    { key: 'managerCall', header: "Manager's call", align: 'right', render: (r) => money(r.managerCallMinor, currency) },
    { key: 'evidence', header: 'Evidence-based', align: 'right', render: (r) => drillCell(r, 'evidence_based', 'Evidence-based', r.evidenceBasedMinor) },
    { key: 'system', header: 'System', align: 'right', render: (r) => money(r.systemMinor, currency) },
    { key: 'last', header: 'Last call', render: (r) => (r.lastCallOn ? formatDate(r.lastCallOn) : '—') }
  ]

  const org = grid.data?.rows.find((r) => r.level === 'org')
  const attainment = org && org.quotaMinor > 0 ? org.closedWonMinor / org.quotaMinor : null

  return (
    <div className="fc-calls">
      <ErrorBanner error={grid.error} />
      {org ? (
        <div className="stats">
          <Stat label="Closed won" value={money(org.closedWonMinor, currency)} hint={`${pct(attainment)} of quota`} />
          <Stat label="Commit still open" value={money(org.commitMinor, currency)} />
          <Stat label="Evidence-based" value={money(org.evidenceBasedMinor, currency)} hint="closed won + evidence-backed commit" />
          <Stat label="Manager's call" value={money(org.managerCallMinor, currency)} hint={org.lastCallOn ? `latest ${formatDate(org.lastCallOn)}` : 'no call yet'} />
          <Stat label="Accuracy target" value={pct(target)} hint={period.closedAt ? `closed ${formatDate(period.closedAt)}` : 'open period'} />
        </div>
      ) : null}
      {grid.isPending ? <Loading label="Loading the forecast grid…" /> : null}
      {grid.data ? (
        <>
          <p className="muted fc-note">Click an amount to see the deals behind it; click a rep to record their call and see their accuracy.</p>
          <DataTable
            caption={`Forecast grid for ${period.label}`}
            columns={columns}
            rows={grid.data.rows}
            onRowClick={(r) => setSelected(r)}
            selectedId={selected?.id ?? null}
          />
        </>
      ) : null}
      {drill ? <DrillPanel key={JSON.stringify(drill.input)} request={drill} onClose={() => setDrill(null)} /> : null}

      <div className={period.closedAt ? 'fc-one' : 'fc-two'}>
        {period.closedAt ? (
          <section className="fc-box" aria-label="Period closed">
            <h2>Closed</h2>
            <p className="muted">
              {period.label} closed on {formatDate(period.closedAt)} with {money(period.closedWonMinor, currency)} won. Its calls are final; each snapshot's
              accuracy is in the call history below.
            </p>
          </section>
        ) : (
          <CallForm period={period} rows={grid.data?.rows ?? []} selected={selected} currency={currency} />
        )}
        {!period.closedAt ? (
          <section className="fc-box" aria-label="Close the period">
            <h2>Close the period</h2>
            <p className="muted">
              Scores every snapshot against what closed won: accuracy = 1 − |forecast − actual| ÷ actual (0 when the miss is 100 % or more). Possible
              from the day after {formatDate(period.end)}.
            </p>
            <button type="button" className="fc-primary" disabled={close.isPending} onClick={() => close.mutate({ periodId: period.id }, { onSuccess: setClosed })}>
              Close {period.label}
            </button>
            <ErrorBanner error={close.error} />
          </section>
        ) : null}
      </div>
      {closed && closed.period.id === period.id ? <CloseResults result={closed} currency={currency} /> : null}
      <AccuracyHistoryPanel selected={selected} teamId={teamId} kind={period.kind} />
      <CallHistory key={`${period.id}-${selected?.id ?? 'all'}`} period={period} selected={selected} currency={currency} />
    </div>
  )
}

function CallForm({ period, rows, selected, currency }: { period: ForecastPeriod; rows: ForecastGridRow[]; selected: ForecastGridRow | null; currency: string }) {
  const record = useRecordCall()
  const subjects = rows.filter((r) => r.level !== 'org')
  const [subject, setSubject] = useState<string>('')
  const chosen = subject || (selected && selected.level !== 'org' ? String(selected.id) : '')
  const row = subjects.find((r) => String(r.id) === chosen) ?? null
  const [commit, setCommit] = useState('')
  const [bestCase, setBestCase] = useState('')
  const [manager, setManager] = useState('')
  const [takenOn, setTakenOn] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const toMinor = (s: string) => Math.round(Number(s.replace(/[ ,]/g, '')) * 100)
  const valid = row !== null && [commit, bestCase, manager].every((v) => v.trim() !== '' && Number.isFinite(Number(v.replace(/[ ,]/g, ''))) && Number(v.replace(/[ ,]/g, '')) >= 0)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!row) return
    record.mutate(
      {
        periodId: period.id,
        ...(row.level === 'rep' ? { repId: row.repId! } : { teamId: row.teamId! }),
        ...(takenOn ? { takenOn } : {}),
        repCommitMinor: toMinor(commit),
        repBestCaseMinor: toMinor(bestCase),
        managerCallMinor: toMinor(manager)
      },
      {
        onSuccess: (c) => {
          setSaved(`Recorded ${c.label} for ${c.name}: commit ${money(c.repCommitMinor, currency)}, manager ${money(c.managerCallMinor, currency)}.`)
          setCommit('')
          setBestCase('')
          setManager('')
        }
      }
    )
  }

  return (
    <form className="fc-box fc-form" onSubmit={submit} aria-label="Record a call">
      <h2>Record a call</h2>
      <p className="muted">A new snapshot every time: earlier calls are kept so the history of the call can be shown.</p>
      <label>
        Rep or team
        <select value={chosen} onChange={(e) => setSubject(e.target.value)}>
          <option value="">Choose…</option>
          {subjects.map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.level === 'team' ? `${r.name} (team)` : r.name}
            </option>
          ))}
        </select>
      </label>
      {row ? (
        <p className="muted">
          Evidence-based now {money(row.evidenceBasedMinor, currency)}; commit open {money(row.commitMinor, currency)}.
        </p>
      ) : null}
      <div className="fc-fields">
        <label>
          Rep's commit ({currency})
          <input inputMode="decimal" value={commit} onChange={(e) => setCommit(e.target.value)} placeholder="e.g. 250000" />
        </label>
        <label>
          Rep's best case ({currency})
          <input inputMode="decimal" value={bestCase} onChange={(e) => setBestCase(e.target.value)} />
        </label>
        <label>
          Manager's call ({currency})
          <input inputMode="decimal" value={manager} onChange={(e) => setManager(e.target.value)} />
        </label>
        <label>
          Taken on (blank = today)
          <input type="date" value={takenOn} onChange={(e) => setTakenOn(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="fc-primary" disabled={!valid || record.isPending}>
        Record call
      </button>
      <ErrorBanner error={record.error} />
      {saved ? (
        <p role="status" className="fc-saved">
          {saved}
        </p>
      ) : null}
    </form>
  )
}

function CloseResults({ result, currency }: { result: CloseResult; currency: string }) {
  const rows = result.rows.map((r, i) => ({ ...r, id: i + 1 }))
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'name', header: 'Who', render: (r) => r.name },
    { key: 'target', header: 'Target', render: (r) => <Chip tone={r.onTarget ? 'good' : 'bad'}>{r.onTarget ? 'on target' : 'below target'}</Chip> },
    { key: 'label', header: 'Last call', render: (r) => `${r.label}` },
    { key: 'called', header: "Rep's call", align: 'right', render: (r) => money(r.repCommitMinor, currency) },
    { key: 'manager', header: "Manager's call", align: 'right', render: (r) => money(r.managerCallMinor, currency) },
    { key: 'actual', header: 'Closed won', align: 'right', render: (r) => money(r.actualMinor, currency) },
    { key: 'repAcc', header: 'Rep accuracy', align: 'right', render: (r) => pct(r.repAccuracy, 1) },
    { key: 'mgrAcc', header: 'Manager accuracy', align: 'right', render: (r) => pct(r.managerAccuracy, 1) },
    { key: 'evAcc', header: 'Evidence accuracy', align: 'right', render: (r) => pct(r.evidenceAccuracy, 1) },
  ]
  return (
    <section className="fc-box" aria-label="Accuracy at close">
      <h2>
        Accuracy at close — {result.period.label} (target {pct(result.accuracyTarget)})
      </h2>
      <p className="muted">
        {result.snapshots} snapshots scored; the org closed {money(result.period.closedWonMinor, currency)} won, and each line is scored against what its own reps
        closed. "On target" reads the manager's call.
      </p>
      <DataTable caption="Accuracy at close" columns={columns} rows={rows} />
    </section>
  )
}

function AccuracyHistoryPanel({ selected, teamId, kind }: { selected: ForecastGridRow | null; teamId?: number; kind: PeriodKind }) {
  const scope = selected?.level === 'rep' && selected.repId ? { repId: selected.repId } : selected?.level === 'team' && selected.teamId ? { teamId: selected.teamId } : teamId ? { teamId } : {}
  const history = useAccuracyHistory({ ...scope, kind })
  if (history.error) return <ErrorBanner error={history.error} />
  if (!history.data) return <Loading label="Loading accuracy history…" />
  const h = history.data
  const rows = h.points.map((p) => ({ ...p, id: p.periodId }))
  const data = h.points.map((p) => ({
    label: p.label,
    rep: p.repAccuracy === null ? null : Math.round(p.repAccuracy * 1000) / 10,
    manager: p.managerAccuracy === null ? null : Math.round(p.managerAccuracy * 1000) / 10,
    evidence: p.evidenceAccuracy === null ? null : Math.round(p.evidenceAccuracy * 1000) / 10,
    system: p.systemAccuracy === null ? null : Math.round(p.systemAccuracy * 1000) / 10
  }))
  // Zoom to the values (never above 100 %) so a team hovering around the target does not draw flat lines at the top.
  const lowest = Math.min(h.accuracyTarget * 100, ...data.flatMap((d) => [d.rep, d.manager, d.evidence, d.system]).filter((v): v is number => v !== null))
  const floor = Math.max(0, Math.floor((lowest - 5) / 10) * 10)
  const lines = [
    { key: 'rep', name: "Rep's call" },
    { key: 'manager', name: "Manager's call" },
    { key: 'evidence', name: 'Evidence-based' },
    { key: 'system', name: 'System' }
  ]
  return (
    <ChartPanel
      title={`Accuracy history — ${h.subject}, by ${kind}`}
      note={h.points.length === 0 ? `No closed ${kind}s yet: close one to start the history.` : `Last call of each closed period against what closed won; the dashed line is the ${pct(h.accuracyTarget)} target.`}
      height={260}
      rows={rows}
      columns={[
        { key: 'label', header: 'Period', render: (r) => r.label },
        { key: 'actual', header: 'Closed won', align: 'right', render: (r) => money(r.actualMinor) },
        { key: 'rep', header: "Rep's call", align: 'right', render: (r) => pct(r.repAccuracy, 1) },
        { key: 'manager', header: "Manager's call", align: 'right', render: (r) => pct(r.managerAccuracy, 1) },
        { key: 'evidence', header: 'Evidence-based', align: 'right', render: (r) => pct(r.evidenceAccuracy, 1) },
        { key: 'system', header: 'System', align: 'right', render: (r) => pct(r.systemAccuracy, 1) }
      ]}
      csv={{
        fileName: `accuracy-${h.subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`,
        headers: ['period', 'start', 'closed_won', 'rep_accuracy', 'manager_accuracy', 'evidence_accuracy', 'system_accuracy'],
        row: (r) => [r.label, r.start, csvMoney(r.actualMinor), r.repAccuracy, r.managerAccuracy, r.evidenceAccuracy, r.systemAccuracy]
      }}
      chart={
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[floor, 100]} tick={{ fontSize: 12 }} unit=" %" width={56} allowDataOverflow />
            <Tooltip formatter={(v) => `${String(v)} %`} />
            <Legend itemSorter={null} />
            <ReferenceLine y={Math.round(h.accuracyTarget * 1000) / 10} stroke="#555" strokeDasharray="6 4" />
            {lines.map((l, i) => (
              <Line key={l.key} type="linear" dataKey={l.key} name={l.name} stroke={SERIES[i]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
    />
  )
}

function CallHistory({ period, selected, currency }: { period: ForecastPeriod; selected: ForecastGridRow | null; currency: string }) {
  const [offset, setOffset] = useState(0)
  const limit = 15
  const scope = selected?.level === 'rep' && selected.repId ? { repId: selected.repId } : selected?.level === 'team' && selected.teamId ? { teamId: selected.teamId } : {}
  const calls = useCalls({ periodId: period.id, ...scope, offset, limit })
  const all: Column<ForecastCall>[] = [
    { key: 'name', header: 'Who', render: (c) => c.name },
    { key: 'label', header: 'Snapshot', render: (c) => `${c.label} · ${formatDate(c.takenOn)}` },
    { key: 'commit', header: "Rep's commit", align: 'right', render: (c) => money(c.repCommitMinor, currency) },
    { key: 'best', header: 'Best case', align: 'right', render: (c) => money(c.repBestCaseMinor, currency) },
    { key: 'manager', header: "Manager's call", align: 'right', render: (c) => money(c.managerCallMinor, currency) },
    { key: 'evidence', header: 'Evidence-based', align: 'right', render: (c) => money(c.evidenceBasedMinor, currency) },
    { key: 'actual', header: 'Closed won', align: 'right', render: (c) => money(c.actualMinor, currency) },
    { key: 'repAcc', header: 'Rep accuracy', align: 'right', render: (c) => pct(c.repAccuracy, 1) },
    { key: 'mgrAcc', header: 'Manager accuracy', align: 'right', render: (c) => pct(c.managerAccuracy, 1) }
  ]
  // One rep's history names them in the heading; the column would only push the accuracies off the edge.
  const columns = selected?.level === 'rep' ? all.filter((c) => c.key !== 'name') : all
  return (
    <section className="fc-box" aria-label="Call history">
      <h2>Call history{selected && selected.level !== 'org' ? ` — ${selected.name}` : ''}</h2>
      <ErrorBanner error={calls.error} />
      {calls.data ? (
        calls.data.total === 0 ? (
          <p className="muted">No calls recorded for {period.label} yet.</p>
        ) : (
          <>
            <DataTable caption="Call history" columns={columns} rows={calls.data.rows} />
            <Pager offset={offset} limit={limit} total={calls.data.total} onChange={setOffset} />
          </>
        )
      ) : null}
    </section>
  )
}
