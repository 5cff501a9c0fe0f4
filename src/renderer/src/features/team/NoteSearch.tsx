// Search across every coaching note and action item; a hit opens the rep and the 1:1 it came from.
import { useState } from 'react'
import type { SearchHit } from '@shared/contract'
import { ErrorBanner } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { useNoteSearch } from './hooks'

export function NoteSearch({ onOpen }: { onOpen: (hit: SearchHit) => void }) {
  const [query, setQuery] = useState('')
  const results = useNoteSearch(query)
  const active = /[\p{L}\p{N}]/u.test(query)
  return (
    <div className="note-search no-print" role="search">
      <input type="search" aria-label="Search notes" placeholder="Search notes and action items" value={query} onChange={(e) => setQuery(e.target.value)} />
      {active && results.data ? (
        <div className="search-results" aria-label="Search results">
          <ErrorBanner error={results.error} />
          <p className="muted small">{results.data.total === 0 ? 'No matches.' : `${results.data.total} match${results.data.total === 1 ? '' : 'es'}`}</p>
          <ul>
            {results.data.rows.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => {
                    setQuery('')
                    onOpen(h)
                  }}
                >
                  <span className="strong">{h.repName}</span>{' '}
                  <span className="muted small">
                    {h.kind === 'note' ? 'note' : 'action item'} · {formatDate(h.date)}
                  </span>
                  <span className="snippet">
                    {h.snippet.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
