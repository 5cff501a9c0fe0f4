// Presentation mode: a full-screen kickoff deck, keyboard and clicker driven, presenter-safe when anonymised, one slide per printed page.
import { exportPdf } from '../../api/print'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { VisibilityCalendar } from './Calendar'
import { PillarChart } from './CompareChart'
import { HeatTable } from './HeatTable'
import { useComparison, useTeamVisibility, useTierOne } from './hooks'
import { initials, pct, perWeek, whole } from './present'

const SLIDE_ROWS = 12

export function Deck({ windowDays, teamId, competitorId, onExit }: { windowDays: number; teamId?: number; competitorId?: number; onExit: () => void }) {
  const comparison = useComparison({ windowDays, teamId, competitorId })
  const team = useTeamVisibility({ windowDays: 28, teamId, limit: SLIDE_ROWS })
  // The fewest relationships first: the deck's point is where we are thin.
  const tierOne = useTierOne({ teamId, limit: 500 })
  const [index, setIndex] = useState(0)
  const [anonymise, setAnonymise] = useState(false)
  const deck = useRef<HTMLDivElement>(null)
  useEffect(() => deck.current?.focus(), [])

  const nameOf = (name: string) => (anonymise ? initials(name) : name)
  const c = comparison.data
  const slides: { title: string; body: ReactNode }[] = [
    {
      title: 'Visible or invisible?',
      body: (
        <div className="deck-title">
          <p className="deck-lead">Your buyers are online, consuming content. If it isn’t yours, it’s your competitor’s.</p>
          <p>Posting once every 14 days leaves you invisible for 13.</p>
          <p className="muted">
            Our team next to {c ? c.competitors.map((x) => x.label).join(' and ') : 'the competition'} · last {windowDays} days to {c?.windowEnd ?? '…'}
          </p>
        </div>
      )
    },
    {
      title: 'Our team vs the competition',
      body: c ? (
        <div className="deck-compare">
          <PillarChart comparison={c} width={960} height={360} fontSize={16} />
          <table className="deck-figures">
            <thead>
              <tr>
                <th />
                <th scope="col">Visibility share</th>
                <th scope="col">Cadence / week</th>
                <th scope="col">Reach</th>
                <th scope="col">Composite</th>
              </tr>
            </thead>
            <tbody>
              {[c.us, ...c.competitors].map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.label}</th>
                  <td>{pct(s.measures?.visibilityShare)}</td>
                  <td>{perWeek(s.measures?.cadencePerWeek)}</td>
                  <td>{whole(s.measures?.reach)}</td>
                  <td>{s.measures?.composite ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null
    },
    {
      title: 'Relationships in our tier-one accounts',
      body: tierOne.data ? (
        <div className="deck-table">
          <HeatTable
            rows={[...tierOne.data.rows].sort((a, b) => a.ours - b.ours || a.name.localeCompare(b.name)).slice(0, SLIDE_ROWS)}
            competitors={tierOne.data.competitors}
            showDetail={false}
          />
          <p className="muted">
            The {SLIDE_ROWS} thinnest of {tierOne.data.tierOneAccounts} tier-one accounts. ? = not known.
          </p>
        </div>
      ) : null
    },
    {
      title: 'The invisible-days calendar · last 28 days',
      body: team.data ? (
        <VisibilityCalendar large windowStart={team.data.windowStart} rows={team.data.rows.map((r) => ({ ...r, name: nameOf(r.name) }))} />
      ) : null
    },
    {
      title: 'Tier-one accounts where we have no relationship',
      body: tierOne.data ? (
        tierOne.data.noRelationship.length ? (
          <ul className="deck-list">
            {tierOne.data.noRelationship.slice(0, 24).map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
            {tierOne.data.noRelationship.length > 24 ? <li className="muted">and {tierOne.data.noRelationship.length - 24} more</li> : null}
          </ul>
        ) : (
          <p className="deck-lead">We know someone in every tier-one account.</p>
        )
      ) : null
    }
  ]

  const go = (to: number) => setIndex(Math.max(0, Math.min(slides.length - 1, to)))
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Clickers send PageUp/PageDown; keyboards send the arrows.
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(index + 1)
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(index - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(slides.length - 1)
    else if (e.key === 'Escape') onExit()
    else return
    e.preventDefault()
  }

  return createPortal(
    <div className="deck" role="dialog" aria-modal="true" aria-label="Presentation" tabIndex={-1} ref={deck} onKeyDown={onKeyDown}>
      {slides.map((s, i) => (
        <section
          key={s.title}
          className={i === index ? 'deck-slide current' : 'deck-slide'}
          aria-hidden={i !== index}
          aria-roledescription="slide"
          aria-label={`Slide ${i + 1} of ${slides.length}: ${s.title}`}
        >
          <h2>{s.title}</h2>
          <div className="deck-body">{s.body}</div>
          <footer className="deck-foot">
            Touchline · {i + 1} / {slides.length}
          </footer>
        </section>
      ))}
      <nav className="deck-controls" aria-label="Presentation controls">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0} aria-label="Previous slide">
          ←
        </button>
        <span aria-live="polite">
          {index + 1} / {slides.length}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index === slides.length - 1} aria-label="Next slide">
          →
        </button>
        <label>
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} /> Anonymise
        </label>
        <button type="button" onClick={() => void exportPdf('Touchline kickoff deck', true)}>
          Export PDF
        </button>
        <button type="button" onClick={onExit}>
          Exit (Esc)
        </button>
      </nav>
    </div>,
    document.body
  )
}
