// Settings → Backups: where they are, the newest first, a backup now, and a restore that asks once more.
import { useState } from 'react'
import { useCall, useCallMutation } from '../../api/query'
import { ErrorBanner, Loading } from '../../kit/kit'
import { formatDate } from '../../kit/format'

const REASON: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'pre-restore': 'Before a restore',
  'pre-import': 'Before an import'
}

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export function BackupsPanel() {
  const list = useCall('backups.list', {})
  const create = useCallMutation('backups.create')
  const restore = useCallMutation('backups.restore')
  const [confirming, setConfirming] = useState<string | null>(null)

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <div className="panel-head">
        <h2 id="backups-heading">Backups</h2>
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate({})}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="muted small">
        Touchline backs up the workspace on the first open of each day and before every restore, keeping the newest{' '}
        {list.data?.keep ?? 14}. Folder: <code>{list.data?.folder ?? '…'}</code>
      </p>
      <ErrorBanner error={list.error ?? create.error ?? restore.error} />
      {restore.isSuccess ? (
        <p role="status" className="notice">
          Restored. The state before the restore was backed up first, so you can go back to it.
        </p>
      ) : null}
      {list.isPending ? (
        <Loading label="Reading backups…" />
      ) : list.data && list.data.backups.length === 0 ? (
        <p className="muted">No backups yet. The first one is written the next time this workspace opens, or now with “Back up now”.</p>
      ) : list.data ? (
        <table className="data-table compact">
          <caption className="sr-only">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td>
                  {formatDate(b.createdAt)} {b.createdAt.slice(11, 16)} UTC
                </td>
                <td>{REASON[b.reason] ?? b.reason}</td>
                <td className="num">{size(b.sizeBytes)}</td>
                <td className="num">
                  {confirming === b.name ? (
                    <span className="confirm">
                      Replace the workspace with this backup?{' '}
                      <button
                        type="button"
                        className="button danger"
                        disabled={restore.isPending}
                        onClick={() => restore.mutate({ name: b.name }, { onSettled: () => setConfirming(null) })}
                      >
                        Restore
                      </button>{' '}
                      <button type="button" className="button" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="button" onClick={() => setConfirming(b.name)}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
