// First run, or a workspace that could not be opened: choose the demo or an empty workspace.
import type { WorkspaceStatus } from '@shared/contract'
import { useCallMutation } from '../../api/query'
import { ErrorBanner } from '../../kit/kit'

export function FirstRun({ status }: { status: WorkspaceStatus }) {
  const create = useCallMutation('workspace.create')
  const busy = create.isPending
  return (
    <div className="first-run">
      <div className="first-run-card">
        <div className="brand big">
          <span className="brand-mark" aria-hidden="true">T</span> Touchline
        </div>
        {status.state === 'error' && status.error ? (
          <div className="error-banner" role="alert">
            <strong>Your workspace could not be opened.</strong> {status.error.message}
          </div>
        ) : (
          <p className="lead">
            Your team's pipeline, the evidence behind every forecast, 1:1 prep, candidates and visibility — all on this
            machine, no network needed.
          </p>
        )}
        <div className="choices">
          <button type="button" className="choice primary" disabled={busy} onClick={() => create.mutate({ kind: 'demo' })} autoFocus>
            <strong>Explore the demo workspace</strong>
            <span>3 teams, 24 reps, 1,500 deals and 30,000 activities, with the problem deals a manager should find.</span>
          </button>
          <button type="button" className="choice" disabled={busy} onClick={() => create.mutate({ kind: 'empty' })}>
            <strong>Start an empty workspace</strong>
            <span>Add your teams by hand or import CRM and LinkedIn exports.</span>
          </button>
        </div>
        {busy ? <p className="muted" role="status">Building the workspace…</p> : null}
        <ErrorBanner error={create.error} />
        <p className="muted small">
          Workspace file: <code>{status.path}</code>
        </p>
      </div>
    </div>
  )
}
