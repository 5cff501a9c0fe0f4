// The printable brief: the prep sheet for one rep, built from data, with talking points that open the deal in Pipeline.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useSearchParams } from 'react-router'
import type { ReactNode } from 'react'
import type { PrepSheet } from '@shared/contract'
import { LABELS } from '@shared/domain'
import { FLAG_LABELS } from '@shared/inspection'
import { SKILL_LABELS } from '@shared/team'
import { ChartFrame, Chip, Stat } from '../../kit/kit'
import { formatDate, formatMoney } from '../../kit/format'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)

/** Opens the deal beside the sheet (the `deal` search parameter), so the manager never loses the rep's page. */
function DealLink({ dealId, children }: { dealId: number | null; children: ReactNode }) {
  const [params, setParams] = useSearchParams()
  if (dealId === null) return <>{children}</>
  const open = () => {
    const next = new URLSearchParams(params)
    next.set('deal', String(dealId))
    setParams(next)
  }
  return (
    <button type="button" className="link-button" onClick={open}>
      {children}
    </button>
  )
}

export function PrepSheetView({ sheet }: { sheet: PrepSheet }) {
  const c = sheet.card
  const money = (minor: number) => formatMoney(minor, c.currency, { compact: true })
  const chart = sheet.activity.map((w) => ({ ...w, week: formatDate(w.weekStart).replace(/ \d{4}$/, '') }))
  return (
    <article className="brief" aria-label={`Prep sheet for ${c.name}`}>
      <header className="brief-head">
        <h2>
          {c.name} <span className="muted">· {c.teamName ?? 'No team'}</span>
        </h2>
        <p className="muted small">
          Changes since {sheet.lastOneOnOne ? `the 1:1 on ${formatDate(sheet.since)}` : `${formatDate(sheet.since)} (no earlier 1:1)`} · quarter{' '}
          {formatDate(c.periodStart)} – {formatDate(c.periodEnd)}
        </p>
      </header>

      <div className="stats brief-stats">
        <Stat label="Attainment" value={pct(c.attainment)} hint={`${money(c.wonMinor)} of ${money(c.quotaMinor)}`} />
        <Stat label="Coverage" value={c.coverage === null ? 'met' : `${c.coverage.toFixed(1)}×`} hint={`${money(c.openPipelineMinor)} for ${money(c.remainingQuotaMinor)} left`} />
        <Stat label="Commit" value={money(sheet.forecast.commitMinor)} hint={`the rep's call; ${money(sheet.forecast.evidenceCommitMinor)} backed by evidence`} />
        <Stat label="Visibility" value={`${c.publicDays}/30 days`} hint="with a public post, comment or share" />
      </div>

      <section className="brief-section">
        <h3>Talking points</h3>
        {sheet.talkingPoints.length === 0 ? (
          <p className="muted">Nothing stands out: ask what the rep wants to cover.</p>
        ) : (
          <ol className="talking-points">
            {sheet.talkingPoints.map((p, i) => (
              <li key={i}>
                {p.text}
                {p.dealId !== null ? <DealLink dealId={p.dealId}>Open deal →</DealLink> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="brief-section">
        <h3>What changed since the last 1:1</h3>
        {sheet.changes.length === 0 ? (
          <p className="muted">No deal changed.</p>
        ) : (
          <ul className="changes">
            {sheet.changes.map((ch, i) => (
              <li key={i}>
                <span className="muted small">{formatDate(ch.at)}</span>{' '}
                <DealLink dealId={ch.dealId}>
                  <span className="strong">{ch.dealName}</span>
                </DealLink>{' '}
                — {ch.sentence}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-section">
        <h3>Deals flagged by inspection</h3>
        {sheet.flagged.length === 0 ? (
          <p className="muted">No flags on open deals.</p>
        ) : (
          <ul className="flagged">
            {sheet.flagged.map((d) => (
              <li key={d.dealId}>
                <div>
                  <DealLink dealId={d.dealId}>
                    <span className="strong">{d.dealName}</span>
                  </DealLink>{' '}
                  <span className="muted small">
                    {LABELS.forecastCategory[d.forecastCategory]} · {LABELS.stage[d.stage]} · {formatMoney(d.amountMinor, d.currency, { compact: true })}
                  </span>
                </div>
                <ul className="flag-reasons">
                  {d.flags.map((f) => (
                    <li key={f.flag}>
                      <Chip tone="bad">{FLAG_LABELS[f.flag]}</Chip> {f.sentence}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-section brief-chart">
        <ChartFrame title="Activity by week" height={200}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 190 }}>
            <BarChart data={chart} margin={{ top: 6, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" tick={{ fontSize: 11 }} interval={1} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="meetings" name="Meetings" stackId="a" fill="#2458d6" isAnimationActive={false} />
              <Bar dataKey="calls" name="Calls" stackId="a" fill="#1f7a4d" isAnimationActive={false} />
              <Bar dataKey="emails" name="Emails" stackId="a" fill="#9a6200" isAnimationActive={false} />
              <Bar dataKey="social" name="Social" stackId="a" fill="#8e5bd6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </section>

      <section className="brief-section">
        <h3>Decision roles on the top deals</h3>
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Deal</th>
              {(['economic_buyer', 'technical_buyer', 'user_buyer', 'coach'] as const).map((r) => (
                <th key={r}>{LABELS.buyingRole[r]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.decisionRoles.map((d) => (
              <tr key={d.dealId}>
                <td>
                  <DealLink dealId={d.dealId}>{d.dealName}</DealLink>
                </td>
                {(['economic_buyer', 'technical_buyer', 'user_buyer', 'coach'] as const).map((r) => (
                  <td key={r}>{d.covered.includes(r) ? <Chip tone="good">✓ covered</Chip> : <Chip tone="warn">missing</Chip>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="brief-section">
        <h3>Open action items (carried over until done)</h3>
        {sheet.actionItems.length === 0 ? (
          <p className="muted">None open.</p>
        ) : (
          <ul className="items-list">
            {sheet.actionItems.map((a) => (
              <li key={a.id}>
                {a.text}{' '}
                <span className="muted small">
                  · {a.owner === 'rep' ? 'rep' : 'manager'} · agreed {formatDate(a.agreedOn)}
                  {a.due ? ` · due ${formatDate(a.due)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-section">
        <h3>Coaching focus</h3>
        <ul className="focus-list">
          {sheet.focus.map((f) => (
            <li key={f.skill}>
              <span className="focus-skill">{SKILL_LABELS[f.skill]}</span>
              <span className="focus-rating" aria-label={f.rating === null ? 'not rated' : `${f.rating} of 5`}>
                {f.rating === null ? '—' : '●'.repeat(f.rating) + '○'.repeat(5 - f.rating)}
              </span>
              <span className="muted small">
                {f.evidence ?? ''}
                {f.history.length > 1 ? ` · was ${f.history.slice(1, 4).map((h) => h.rating).join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
