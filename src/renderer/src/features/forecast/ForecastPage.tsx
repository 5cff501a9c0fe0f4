// Forecast: per period the grid of calls with drill-down, recording calls, closing with accuracy, and the productivity dashboard.
import { useState } from 'react'
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { CallsView } from './CallsView'
import { Dashboard } from './Dashboard'
import { WalkView } from './Walk'
import { useCreatePeriod, useForecastSettings, usePeriods, useSetForecastSettings, useTeams } from './hooks'
import { pct } from './present'
import './forecast.css'

type Tab = 'calls' | 'walk' | 'productivity'

export function ForecastPage() {
  const periods = usePeriods()
  const teams = useTeams()
  const settings = useForecastSettings()
  const [periodId, setPeriodId] = useState<number | null>(null)
  const [teamId, setTeamId] = useState<number | undefined>(undefined)
  const [tab, setTab] = useState<Tab>('calls')
  const list = periods.data ?? []
  // The newest open period first: that is the one being called this week.
  const period = list.find((p) => p.id === periodId) ?? list.find((p) => !p.closedAt) ?? list[0] ?? null
  const target = settings.data?.accuracyTarget ?? 0.98

  return (
    <div className="forecast-page">
      <PageHeader
        title="Forecast"
        subtitle={`Forecast accuracy is a KPI: the target is ${pct(target)}, measured against what closed won.`}
        actions={
          <>
            {settings.data ? <TargetSettings key={`${settings.data.accuracyTarget}-${settings.data.fiscalYearStartMonth}`} target={settings.data.accuracyTarget} fiscalStart={settings.data.fiscalYearStartMonth} /> : null}
            {list.length > 0 ? <NewPeriod /> : null}
          </>
        }
      />
      <ErrorBanner error={periods.error ?? teams.error} />
      {periods.isPending ? <Loading label="Loading periods…" /> : null}
      {periods.data && list.length === 0 ? (
        <EmptyState title="No forecast periods yet" action={<NewPeriod />}>
          Create a month or a quarter to start recording calls: each rep's call, the manager's call and the evidence-based figure, as dated snapshots.
        </EmptyState>
      ) : null}
      {period ? (
        <>
          <div className="toolbar">
            <label>
              Period
              <select value={period.id} onChange={(e) => setPeriodId(Number(e.target.value))} aria-label="Period">
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label} ({formatDate(p.start)} – {formatDate(p.end)}){p.closedAt ? ' · closed' : ' · open'}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Team
              <select value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : undefined)} aria-label="Team">
                <option value="">Whole org</option>
                {(teams.data ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="fc-tabs" role="tablist" aria-label="Forecast views">
              <button type="button" role="tab" aria-selected={tab === 'calls'} className={tab === 'calls' ? 'tab active' : 'tab'} onClick={() => setTab('calls')}>
                Calls and accuracy
              </button>
              <button type="button" role="tab" aria-selected={tab === 'walk'} className={tab === 'walk' ? 'tab active' : 'tab'} onClick={() => setTab('walk')}>
                Walk
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'productivity'}
                className={tab === 'productivity' ? 'tab active' : 'tab'}
                onClick={() => setTab('productivity')}
              >
                Productivity dashboard
              </button>
            </div>
          </div>
          {tab === 'calls' ? (
            <CallsView key={`${period.id}-${teamId ?? 0}`} period={period} teamId={teamId} target={target} />
          ) : tab === 'walk' ? (
            <WalkView key={`${period.id}-${teamId ?? 0}`} period={period} teamId={teamId} />
          ) : (
            <Dashboard from={period.start} to={period.end} teamId={teamId} label={period.label} />
          )}
        </>
      ) : null}
    </div>
  )
}

/** A month or quarter containing a chosen day; the fiscal-year start decides where quarters begin. */
function NewPeriod() {
  const create = useCreatePeriod()
  const [kind, setKind] = useState<'month' | 'quarter'>('month')
  const [day, setDay] = useState('')
  return (
    <form
      className="fc-new-period"
      aria-label="New period"
      onSubmit={(e) => {
        e.preventDefault()
        if (day) create.mutate({ kind, containing: day })
      }}
    >
      <label>
        New period
        <select value={kind} onChange={(e) => setKind(e.target.value === 'quarter' ? 'quarter' : 'month')} aria-label="Period kind">
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
        </select>
      </label>
      <label>
        containing
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label="A day in the period" />
      </label>
      <button type="submit" className="fc-secondary" disabled={!day || create.isPending}>
        Create
      </button>
      {create.error ? <span className="fc-error" role="alert">{create.error.message}</span> : null}
    </form>
  )
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The accuracy KPI target and the fiscal-year start: a workspace setting, changed rarely, so tucked behind a disclosure. */
function TargetSettings({ target, fiscalStart }: { target: number; fiscalStart: number }) {
  const save = useSetForecastSettings()
  const [percent, setPercent] = useState(String(Math.round(target * 1000) / 10))
  const [month, setMonth] = useState(fiscalStart)
  const value = Number(percent)
  const valid = Number.isFinite(value) && value > 0 && value <= 100
  return (
    <details className="fc-settings">
      <summary>Target and fiscal year</summary>
      <form
        aria-label="Forecast settings"
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) save.mutate({ accuracyTarget: value / 100, fiscalYearStartMonth: month })
        }}
      >
        <label>
          Accuracy target (%)
          <input inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
        </label>
        <label>
          Fiscal year starts in
          <select value={month} onChange={(e) => setMonth(Number(e.target.value))}>
            {MONTH_NAMES.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="fc-secondary" disabled={!valid || save.isPending}>
          Save
        </button>
        {save.error ? <span className="fc-error" role="alert">{save.error.message}</span> : null}
        <p className="muted">New quarters start from this month; existing periods keep their dates.</p>
      </form>
    </details>
  )
}
