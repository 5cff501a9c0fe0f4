// Settings: where the workspace lives and what built it.
import type { WorkspaceStatus } from '@shared/contract'
import { useCall } from '../../api/query'
import { ErrorBanner, PageHeader, Stat } from '../../kit/kit'
import { shell } from '../../api/client'
import { BackupsPanel } from './BackupsPanel'
import { CompactPanel } from './CompactPanel'

export function SettingsPage({ status }: { status: WorkspaceStatus }) {
  const info = useCall('app.info', {})
  const summary = useCall('workspace.summary', {})
  return (
    <>
      <PageHeader title="Settings" subtitle="Your workspace is one SQLite file on this machine." />
      <ErrorBanner error={info.error ?? summary.error} />
      <section className="panel">
        <h2>Workspace</h2>
        <dl className="facts">
          <dt>File</dt>
          <dd>
            <code>{status.path}</code>
          </dd>
          <dt>Schema version</dt>
          <dd>{status.schemaVersion ?? '—'}</dd>
          <dt>Touchline</dt>
          <dd>
            {info.data ? `${info.data.version} (${shell === 'electron' ? 'desktop' : 'browser shell'})` : '…'}
          </dd>
        </dl>
      </section>
      <BackupsPanel />
      <CompactPanel />
      {summary.data ? (
        <section className="stats">
          <Stat label="Teams" value={summary.data.teams} />
          <Stat label="Active reps" value={summary.data.reps} />
          <Stat label="Accounts" value={summary.data.accounts.toLocaleString()} />
          <Stat label="Deals" value={summary.data.deals.toLocaleString()} />
          <Stat label="Activities" value={summary.data.activities.toLocaleString()} />
        </section>
      ) : null}
    </>
  )
}
