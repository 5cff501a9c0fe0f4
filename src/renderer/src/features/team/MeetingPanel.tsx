// The 1:1 itself: start it from the prep sheet, write notes that autosave, agree action items, and go back to an earlier version.
import { useEffect, useRef, useState } from 'react'
import type { ActionItemRow, OneOnOneDetail, PrepSheet } from '@shared/contract'
import { STATUS_LABELS } from '@shared/team'
import { ErrorBanner, Loading } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { Markdown } from './markdown'
import { flushNote, useNoteSave, useNoteVersions, useOneOnOne, useTeamWrites } from './hooks'

const AUTOSAVE_MS = 800

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })

/** Notes autosave after a short pause in typing, and once more when the editor goes away with unsaved text. */
function NotesEditor({ detail }: { detail: OneOnOneDetail }) {
  const id = detail.oneOnOne.id
  const [text, setText] = useState(detail.note?.body ?? '')
  const [savedAt, setSavedAt] = useState<string | null>(detail.note?.savedAt ?? null)
  const [dirty, setDirty] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const [preview, setPreview] = useState(false)
  const save = useNoteSave()
  const { restore } = useTeamWrites()
  const versions = useNoteVersions(id, showHistory)
  const pending = useRef<{ body: string } | null>(null)

  useEffect(() => {
    if (!dirty) return
    pending.current = { body: text }
    const timer = setTimeout(() => {
      save.mutate(
        { oneOnOneId: id, body: text },
        {
          onSuccess: (note) => {
            if (pending.current?.body === note.body) pending.current = null
            setSavedAt(note.savedAt)
            setDirty(false)
          }
        }
      )
    }, AUTOSAVE_MS)
    return () => clearTimeout(timer)
    // save is stable enough for this purpose; re-arming on its identity would restart the pause on every render.
  }, [text, dirty, id])

  // Leaving the page (or the 1:1) must not lose the last pause's worth of typing.
  useEffect(
    () => () => {
      if (pending.current) void flushNote(id, pending.current.body)
    },
    [id]
  )

  const status = save.isPending ? 'Saving…' : dirty ? 'Unsaved changes' : savedAt ? `Saved ${clockTime(savedAt)}` : 'Nothing written yet'
  return (
    <section className="notes" aria-label="Notes">
      <div className="notes-head">
        <h3>Notes</h3>
        <span className="muted small" role="status" aria-live="polite">
          {status}
        </span>
        <button type="button" className="button ghost" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
        <button type="button" className="button ghost" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
          History
        </button>
      </div>
      <ErrorBanner error={save.error ?? restore.error} />
      {preview ? (
        <div className="notes-preview">
          <Markdown text={text} />
        </div>
      ) : (
        <textarea
          aria-label="1:1 notes"
          className="notes-text"
          value={text}
          placeholder={'Markdown works: # heading, - bullet, **bold**'}
          onChange={(e) => {
            setText(e.target.value)
            setDirty(true)
          }}
          rows={12}
        />
      )}
      {showHistory ? (
        <div className="versions">
          <h4>Earlier versions</h4>
          {versions.isPending ? <Loading label="Loading versions…" /> : null}
          <ul>
            {versions.data?.map((v) => (
              <li key={v.version}>
                <span className="strong">v{v.version}</span> <span className="muted small">{formatDate(v.savedAt)} {clockTime(v.savedAt)}</span>{' '}
                <span className="version-excerpt">{v.body.split('\n').find((l) => l.trim()) ?? '(empty)'}</span>{' '}
                <button
                  type="button"
                  className="button ghost"
                  disabled={restore.isPending}
                  onClick={() =>
                    restore.mutate(
                      { oneOnOneId: id, version: v.version },
                      {
                        onSuccess: (note) => {
                          pending.current = null
                          setText(note.body)
                          setSavedAt(note.savedAt)
                          setDirty(false)
                        }
                      }
                    )
                  }
                >
                  Restore v{v.version}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

function ActionItems({ repId, oneOnOneId, carried }: { repId: number; oneOnOneId: number; carried: ActionItemRow[] }) {
  const { addItem, completeItem } = useTeamWrites()
  const [text, setText] = useState('')
  const [due, setDue] = useState('')
  return (
    <section className="action-items" aria-label="Action items">
      <h3>Action items</h3>
      <ErrorBanner error={addItem.error ?? completeItem.error} />
      <ul className="items-list">
        {carried.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={a.doneAt !== null}
                onChange={(e) => completeItem.mutate({ id: a.id, done: e.target.checked })}
              />{' '}
              {a.text}
            </label>{' '}
            <span className="muted small">
              {a.oneOnOneId === oneOnOneId ? 'agreed today' : `carried over from ${formatDate(a.agreedOn)}`}
              {a.due ? ` · due ${formatDate(a.due)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="item-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!text.trim()) return
          addItem.mutate(
            { repId, oneOnOneId, text, owner: 'rep', due: due || undefined },
            {
              onSuccess: () => {
                setText('')
                setDue('')
              }
            }
          )
        }}
      >
        <input aria-label="New action item" placeholder="New action item" value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
        <input aria-label="Due date" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="submit" className="button" disabled={addItem.isPending || !text.trim()}>
          Add
        </button>
      </form>
    </section>
  )
}

export function MeetingPanel({ sheet, meetingId, onMeeting }: { sheet: PrepSheet; meetingId: number | null; onMeeting: (id: number) => void }) {
  const repId = sheet.card.repId
  const { start } = useTeamWrites()
  const detail = useOneOnOne(meetingId)
  const agenda = sheet.talkingPoints.map((p) => `- ${p.text}`).join('\n')
  return (
    <div className="meeting-panel no-print">
      <div className="meeting-head">
        <h3>1:1 with {sheet.card.name.split(' ')[0]}</h3>
        <button
          type="button"
          className="button primary"
          disabled={start.isPending}
          onClick={() => start.mutate({ repId, agenda }, { onSuccess: (d) => onMeeting(d.oneOnOne.id) })}
        >
          Start 1:1 now
        </button>
      </div>
      <ErrorBanner error={start.error ?? detail.error} />
      {meetingId === null ? (
        <p className="muted">Start the 1:1 to take notes; the talking points become its agenda.</p>
      ) : detail.data && detail.data.oneOnOne.id === meetingId ? (
        <>
          <p className="muted small">
            {STATUS_LABELS[detail.data.oneOnOne.status]} · {formatDate(detail.data.oneOnOne.heldAt ?? detail.data.oneOnOne.scheduledFor)}
          </p>
          <NotesEditor key={meetingId} detail={detail.data} />
          <ActionItems
            repId={repId}
            oneOnOneId={meetingId}
            carried={[...sheet.actionItems.filter((a) => a.oneOnOneId !== meetingId), ...detail.data.actionItems]}
          />
        </>
      ) : (
        <Loading label="Opening the 1:1…" />
      )}
      <section className="past" aria-label="Past 1:1s">
        <h3>Past 1:1s</h3>
        <ul>
          {sheet.recent.map((o) => (
            <li key={o.id}>
              <button type="button" className="link-button" onClick={() => onMeeting(o.id)} aria-current={o.id === meetingId}>
                {formatDate(o.heldAt ?? o.scheduledFor)}
              </button>{' '}
              <span className="muted small">
                {STATUS_LABELS[o.status]}
                {o.noteExcerpt ? ` · ${o.noteExcerpt}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
