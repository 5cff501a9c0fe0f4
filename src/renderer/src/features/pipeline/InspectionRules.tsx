// The inspection rules panel: view and edit the thresholds behind the flags (no-evidence days per stage and the rest); saving re-inspects every deal.
import { useState } from 'react'
import type { Thresholds } from '@shared/inspection'
import { LABELS, OPEN_STAGES, type Stage } from '@shared/domain'
import { ErrorBanner, Loading } from '../../kit/kit'
import { useSetThresholds, useThresholds } from './hooks'

type Scalar = 'noEvidenceDays' | 'engagedWindowDays' | 'singleThreadedMax' | 'goneQuietDays' | 'slippingPushes' | 'amountLoweredPct' | 'stalledMultiple' | 'stalledMinSamples'

interface FieldSpec {
  key: Scalar
  label: string
  hint: string
  min: number
  max: number
  integer: boolean
}

/** The same ranges main enforces (evidence.ts thresholdsSchema); checked here first so the message sits by the field. */
const FIELDS: FieldSpec[] = [
  { key: 'noEvidenceDays', label: 'No evidence after (days)', hint: 'A commit or best-case deal with no activity for longer is flagged.', min: 1, max: 3650, integer: true },
  { key: 'engagedWindowDays', label: 'Engaged window (days)', hint: 'A contact touched within this many days counts as engaged.', min: 1, max: 3650, integer: true },
  { key: 'singleThreadedMax', label: 'Single-threaded at or below (engaged contacts)', hint: 'Usually 1.', min: 0, max: 20, integer: true },
  { key: 'goneQuietDays', label: 'Gone quiet after (days)', hint: "The buyer's last reply older than our last touch by more than this.", min: 1, max: 3650, integer: true },
  { key: 'slippingPushes', label: 'Slipping at (close-date pushes)', hint: 'Close date moved later this many times.', min: 1, max: 20, integer: true },
  { key: 'amountLoweredPct', label: 'Amount lowered by more than (%)', hint: 'Since the deal entered commit.', min: 1, max: 99, integer: true },
  { key: 'stalledMultiple', label: "Stalled at (× the team's median time in stage)", hint: 'For example 1.5.', min: 1, max: 10, integer: false },
  { key: 'stalledMinSamples', label: 'Team history needed (completed stage spans)', hint: 'Below this, the fallback days per stage apply.', min: 1, max: 1000, integer: true }
]

interface Draft {
  scalars: Record<Scalar, string>
  byStage: Record<Stage, string>
  fallback: Record<Stage, string>
}

function toDraft(t: Thresholds): Draft {
  return {
    scalars: {
      noEvidenceDays: String(t.noEvidenceDays),
      engagedWindowDays: String(t.engagedWindowDays),
      singleThreadedMax: String(t.singleThreadedMax),
      goneQuietDays: String(t.goneQuietDays),
      slippingPushes: String(t.slippingPushes),
      amountLoweredPct: String(Math.round(t.amountLoweredShare * 100)),
      stalledMultiple: String(t.stalledMultiple),
      stalledMinSamples: String(t.stalledMinSamples)
    },
    byStage: Object.fromEntries(OPEN_STAGES.map((s) => [s, t.noEvidenceDaysByStage[s] === undefined ? '' : String(t.noEvidenceDaysByStage[s])])) as Record<Stage, string>,
    fallback: Object.fromEntries(OPEN_STAGES.map((s) => [s, String(t.stalledFallbackDays[s])])) as Record<Stage, string>
  }
}

function checkNumber(text: string, min: number, max: number, integer: boolean): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'required'
  const n = Number(trimmed)
  if (!Number.isFinite(n)) return 'not a number'
  if (integer && !Number.isInteger(n)) return 'a whole number'
  if (n < min || n > max) return `between ${min} and ${max}`
  return null
}

/** The draft as thresholds, or the problems by field name. */
function fromDraft(d: Draft): { value: Thresholds } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  for (const f of FIELDS) {
    const p = checkNumber(d.scalars[f.key], f.min, f.max, f.integer)
    if (p) problems[f.key] = p
  }
  for (const s of OPEN_STAGES) {
    if (d.byStage[s].trim() !== '') {
      const p = checkNumber(d.byStage[s], 1, 3650, true)
      if (p) problems[`byStage.${s}`] = p
    }
    const p = checkNumber(d.fallback[s], 1, 3650, true)
    if (p) problems[`fallback.${s}`] = p
  }
  if (Object.keys(problems).length > 0) return { problems }
  const n = (k: Scalar) => Number(d.scalars[k])
  return {
    value: {
      noEvidenceDays: n('noEvidenceDays'),
      noEvidenceDaysByStage: Object.fromEntries(OPEN_STAGES.filter((s) => d.byStage[s].trim() !== '').map((s) => [s, Number(d.byStage[s])])),
      engagedWindowDays: n('engagedWindowDays'),
      singleThreadedMax: n('singleThreadedMax'),
      stalledMultiple: n('stalledMultiple'),
      stalledMinSamples: n('stalledMinSamples'),
      stalledFallbackDays: Object.fromEntries(OPEN_STAGES.map((s) => [s, Number(d.fallback[s])])) as Record<Stage, number>,
      slippingPushes: n('slippingPushes'),
      amountLoweredShare: n('amountLoweredPct') / 100,
      goneQuietDays: n('goneQuietDays')
    }
  }
}

export function InspectionRules({ onClose }: { onClose: () => void }) {
  const current = useThresholds()
  return (
    <section className="panel wide rules-panel" aria-label="Inspection rules">
      <div className="panel-head">
        <h2>Inspection rules</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">The limits behind every flag. Saving re-inspects every deal in the workspace with the new rules.</p>
      <ErrorBanner error={current.error} />
      {current.isPending ? <Loading label="Loading the rules…" /> : current.data ? <RulesForm initial={current.data} /> : null}
    </section>
  )
}

function RulesForm({ initial }: { initial: Thresholds }) {
  const save = useSetThresholds()
  const [draft, setDraft] = useState(() => toDraft(initial))
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)

  const field = (name: string, label: string, value: string, onChange: (v: string) => void, hint?: string, placeholder?: string) => (
    <label className="field" key={name}>
      {label}
      <input
        inputMode="decimal"
        value={value}
        placeholder={placeholder}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `${name}-problem` : undefined}
        onChange={(e) => {
          setSaved(false)
          onChange(e.target.value)
        }}
      />
      {problems[name] ? (
        <span id={`${name}-problem`} className="field-problem">
          {label}: {problems[name]}.
        </span>
      ) : hint ? (
        <span className="small">{hint}</span>
      ) : null}
    </label>
  )

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const result = fromDraft(draft)
        if ('problems' in result) {
          setProblems(result.problems)
          return
        }
        setProblems({})
        save.mutate(result.value, {
          onSuccess: (t) => {
            setDraft(toDraft(t))
            setSaved(true)
          }
        })
      }}
    >
      <div className="form-grid">
        {FIELDS.map((f) =>
          field(f.key, f.label, draft.scalars[f.key], (v) => setDraft((d) => ({ ...d, scalars: { ...d.scalars, [f.key]: v } })), f.hint)
        )}
      </div>
      <h3>No evidence after (days), per stage</h3>
      <p className="muted small">Blank uses the limit above. A negotiation usually goes quiet faster than a prospect.</p>
      <div className="form-grid stage-grid">
        {OPEN_STAGES.map((s) =>
          field(
            `byStage.${s}`,
            LABELS.stage[s],
            draft.byStage[s],
            (v) => setDraft((d) => ({ ...d, byStage: { ...d.byStage, [s]: v } })),
            undefined,
            `${draft.scalars.noEvidenceDays || '—'} (default)`
          )
        )}
      </div>
      <h3>Stalled after (days), per stage, when the team has little history</h3>
      <div className="form-grid stage-grid">
        {OPEN_STAGES.map((s) =>
          field(`fallback.${s}`, `${LABELS.stage[s]} (stalled)`, draft.fallback[s], (v) => setDraft((d) => ({ ...d, fallback: { ...d.fallback, [s]: v } })))
        )}
      </div>
      {Object.keys(problems).length > 0 ? (
        <div className="error-banner" role="alert">
          {Object.keys(problems).length === 1 ? 'One rule needs fixing' : `${Object.keys(problems).length} rules need fixing`}; nothing was saved.
        </div>
      ) : null}
      <ErrorBanner error={save.error} />
      <div className="log-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? 'Re-inspecting…' : 'Save rules'}
        </button>
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() => {
            setDraft(toDraft(initial))
            setProblems({})
            setSaved(false)
          }}
        >
          Undo changes
        </button>
        {save.isPending ? <Loading label="Re-inspecting every deal with the new rules…" /> : null}
        {saved && !save.isPending ? (
          <span role="status" className="small">
            Saved. Every deal was re-inspected with these rules.
          </span>
        ) : null}
      </div>
    </form>
  )
}
