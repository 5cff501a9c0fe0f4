// Us against each competitor on the composite and its four pillars (0–100), and the composite's trend month by month.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { VisibilityComparison } from '@shared/contract'
import { PILLARS, type Pillar } from '@shared/visibility'
import { SERIES_COLOURS, downsample } from './present'

type Side = { key: string; label: string }

/** Axis labels short enough for five groups side by side; the full names are in the legend text and the docs. */
const SHORT: Record<Pillar, string> = { brand: 'Brand', people: 'Right people', insight: 'Insight', relationships: 'Relationships' }

function sidesOf(c: VisibilityComparison): Side[] {
  return [c.us, ...c.competitors].map((s) => ({ key: s.key, label: s.label }))
}

export function pillarData(c: VisibilityComparison) {
  const all = [c.us, ...c.competitors]
  const rows: Record<string, string | number>[] = [{ measure: 'Composite', ...Object.fromEntries(all.map((s) => [s.key, s.measures?.composite ?? 0])) }]
  for (const p of PILLARS) rows.push({ measure: SHORT[p], ...Object.fromEntries(all.map((s) => [s.key, Math.round((s.measures?.pillars[p] ?? 0) * 100)])) })
  return rows
}

/** Fixed size when given (the deck prints it), else it follows its parent's width. */
export function PillarChart({ comparison, width, height = 300, fontSize = 12 }: { comparison: VisibilityComparison; width?: number; height?: number; fontSize?: number }) {
  const chart = (
    <BarChart data={pillarData(comparison)} width={width} height={width ? height : undefined} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="measure" tick={{ fontSize }} interval={0} />
      <YAxis domain={[0, 100]} tick={{ fontSize }} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize }} itemSorter={null} />
      {sidesOf(comparison).map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  )
  if (width) return chart
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
      {chart}
    </ResponsiveContainer>
  )
}

export function TrendChart({ comparison, height = 260 }: { comparison: VisibilityComparison; height?: number }) {
  const data = downsample(comparison.trend, 36).map((t) => ({ month: t.month, ...t.composite }))
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend itemSorter={null} />
        {sidesOf(comparison).map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            strokeWidth={3}
            strokeDasharray={i === 0 ? undefined : `${4 + 2 * i} ${3}`}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}
