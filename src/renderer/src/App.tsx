// The app frame: the first-run gate, then the navigation and one route per capability.
import { HashRouter, NavLink, Navigate, Route, Routes } from 'react-router'
import { useCall } from './api/query'
import { ErrorBanner, Loading } from './kit/kit'
import { FirstRun } from './features/workspace/FirstRun'
import { PipelinePage } from './features/pipeline/PipelinePage'
import { TeamPage } from './features/team/TeamPage'
import { RecruitingPage } from './features/recruiting/RecruitingPage'
import { VisibilityPage } from './features/visibility/VisibilityPage'
import { ForecastPage } from './features/forecast/ForecastPage'
import { ImportPage } from './features/import/ImportPage'
import { SettingsPage } from './features/settings/SettingsPage'

const NAV = [
  { to: '/pipeline', label: 'Pipeline', icon: '◆' },
  { to: '/team', label: 'Team & 1:1s', icon: '●' },
  { to: '/recruiting', label: 'Recruiting', icon: '▲' },
  { to: '/visibility', label: 'Visibility', icon: '◉' },
  { to: '/forecast', label: 'Forecast', icon: '▮' },
  { to: '/import', label: 'Import', icon: '⇪' },
  { to: '/settings', label: 'Settings', icon: '⚙' }
] as const

export function App() {
  const status = useCall('workspace.status', {})
  if (status.isPending) return <Loading label="Opening your workspace…" />
  if (status.error) return <ErrorBanner error={status.error} />
  if (status.data.state !== 'open') return <FirstRun status={status.data} />
  return (
    <HashRouter>
      <div className="shell">
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">T</span> Touchline
          </div>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                  <span className="nav-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="sidebar-foot muted" title={status.data.path}>
            Offline · local workspace
          </div>
        </nav>
        <main className="content">
          <Routes>
            <Route path="/" element={<Navigate to="/pipeline" replace />} />
            <Route path="/pipeline" element={<PipelinePage />} />
            <Route path="/team" element={<TeamPage />} />
            <Route path="/recruiting" element={<RecruitingPage />} />
            <Route path="/visibility" element={<VisibilityPage />} />
            <Route path="/forecast" element={<ForecastPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/settings" element={<SettingsPage status={status.data} />} />
            <Route path="*" element={<Navigate to="/pipeline" replace />} />
          </Routes>
        </main>
      </div>
    </HashRouter>
  )
}
