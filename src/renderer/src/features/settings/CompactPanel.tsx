// Settings → Compact: rewrites the workspace file so deleted content leaves it, and shows the size before and after.
import { useCallMutation } from '../../api/query'
import { ErrorBanner } from '../../kit/kit'

/** Sizes as people read them: KB below a megabyte, one decimal above. */
export function bytes(n: number): string {
  if (n >= 1_073_741_824) return `${(n / 1_073_741_824).toFixed(1)} GB`
  if (n >= 1_048_576) return `${(n / 1_048_576).toFixed(1)} MB`
  return `${Math.max(1, Math.round(n / 1024))} KB`
}

export function CompactPanel() {
  const compact = useCallMutation('workspace.compact')
  const result = compact.data
  return (
    <section className="panel" aria-labelledby="compact-heading">
      <div className="panel-head">
        <h2 id="compact-heading">Compact workspace</h2>
        <button type="button" className="button" disabled={compact.isPending} aria-busy={compact.isPending} onClick={() => compact.mutate({})}>
          {compact.isPending ? 'Compacting…' : 'Compact now'}
        </button>
      </div>
      <p className="muted small">
        Deleted data can linger in free space inside the file until it is rewritten. Compacting takes a backup (written from live data only), then
        rewrites the file and empties its write-ahead log, so anything you erased is gone from it. It can take a few seconds on a large workspace.
      </p>
      <ErrorBanner error={compact.error} />
      {result ? (
        <p role="status" className="notice">
          Compacted: {bytes(result.bytesBefore)} before, {bytes(result.bytesAfter)} after
          {result.bytesBefore > result.bytesAfter ? ` (${bytes(result.bytesBefore - result.bytesAfter)} freed)` : ''}. Backup taken first:{' '}
          <code>{result.backup}</code>
        </p>
      ) : null}
    </section>
  )
}
