// A candidate's attached files in the profile drawer: list, add (bytes only, never a path), open and remove.
import { useRef, useState, type ChangeEvent } from 'react'
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES, type AttachmentOpened, type AttachmentRow } from '@shared/contract'
import { ErrorBanner, Loading, Pager } from '../../kit/kit'
import { formatDate } from '../../kit/format'
import { useCall, useCallMutation } from '../../api/query'
import './attachments.css'

const PAGE = 20

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV'
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1048576).toFixed(1)} MB`
}

/** Reads a picked file as base64 in slices (String.fromCharCode over millions of arguments overflows the stack). */
async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** The browser shell answers "open" with the bytes: handed to the browser's own download, nothing else on the page touched. */
function download(opened: Extract<AttachmentOpened, { via: 'download' }>): void {
  const binary = atob(opened.dataBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: opened.mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = opened.name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function Attachments({ candidateId }: { candidateId: number }) {
  const [offset, setOffset] = useState(0)
  const list = useCall('attachments.list', { candidateId, offset, limit: PAGE })
  const add = useCallMutation('attachments.add')
  const remove = useCallMutation('attachments.remove')
  const open = useCallMutation('attachments.open')
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const reset = () => {
    setProblem(null)
    setNotice(null)
    add.reset()
    remove.reset()
    open.reset()
  }

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    reset()
    // Checked here too, so a file far too big is never read into the window; main checks again whatever arrives.
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem(`"${file.name}" is ${size(file.size)}; attachments are at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`)
      return
    }
    setReading(true)
    try {
      const dataBase64 = await readBase64(file)
      add.mutate(
        { candidateId, fileName: file.name, dataBase64 },
        {
          onSuccess: (v) => {
            setOffset(0)
            setNotice(v.alreadyAttached ? `This file is already attached as "${v.attachment.name}".` : `"${v.attachment.name}" attached.`)
          }
        }
      )
    } catch {
      setProblem(`"${file.name}" could not be read from the disk.`)
    } finally {
      setReading(false)
    }
  }

  const onOpen = (row: AttachmentRow) => {
    reset()
    open.mutate(
      { id: row.id },
      {
        onSuccess: (v) => {
          if (v.via === 'download') {
            download(v)
            setNotice(`"${v.name}" was handed to your browser's downloads: the browser version cannot start this computer's viewer.`)
          } else {
            setNotice(`"${v.name}" opened in its viewer.`)
          }
        }
      }
    )
  }

  const onRemove = (row: AttachmentRow) => {
    reset()
    remove.mutate({ id: row.id }, { onSuccess: () => setNotice(`"${row.name}" removed.`) })
  }

  const data = list.data
  return (
    <section className="attachments" aria-label="Attachments">
      <h3>Attachments</h3>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading label="Loading attachments…" />
      ) : data && data.total === 0 ? (
        <p className="muted">No files attached yet. Add a resume, a work sample or reference notes (PDF, Word, images or text, up to 20 MB).</p>
      ) : data ? (
        <>
          <table className="data-table compact attachment-table">
            <caption className="sr-only">Files attached to this candidate</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">Size</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td className="attachment-name">{row.name}</td>
                  <td>{KIND[row.mediaType] ?? row.mediaType}</td>
                  <td className="num">{size(row.sizeBytes)}</td>
                  <td>{formatDate(row.addedAt)}</td>
                  <td className="attachment-actions">
                    <button type="button" className="button small" onClick={() => onOpen(row)} disabled={open.isPending} aria-label={`Open ${row.name}`}>
                      Open
                    </button>
                    <button type="button" className="button small" onClick={() => onRemove(row)} disabled={remove.isPending} aria-label={`Remove ${row.name}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > PAGE ? <Pager offset={offset} limit={PAGE} total={data.total} onChange={setOffset} /> : null}
        </>
      ) : null}
      <div className="attachment-add">
        <label className="button">
          Add file…
          <input
            ref={input}
            type="file"
            className="sr-only"
            accept={ATTACHMENT_EXTENSIONS.join(',')}
            onChange={(e) => void onPick(e)}
            disabled={reading || add.isPending}
            aria-label="Add a file to this candidate"
          />
        </label>
        {reading || add.isPending ? <span className="muted small">Attaching…</span> : null}
      </div>
      {problem ? (
        <div className="error-banner" role="alert">
          {problem}
        </div>
      ) : null}
      {add.error ? (
        // A refused file is the user's to fix, not a fault: shown as main words it, without the method's prefix.
        <div className="error-banner" role="alert">
          {add.error.message.replace(/^attachments\.add: (input\.\w+: )?/, '')}
        </div>
      ) : null}
      <ErrorBanner error={remove.error ?? open.error} />
      {notice ? (
        <p className="muted small" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  )
}
