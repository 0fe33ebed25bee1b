/**
 * The signed-in frame: navigation, the always-visible patient search and sync
 * indicator, and the current screen. Alt+1, Alt+2… switch screens from the
 * keyboard, except while typing in a field.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { roleLabels, type Role } from '../../../main/contract';
import { useLiveData } from '../api/hooks';
import { AdminScreen } from '../features/admin/AdminScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { BillingScreen } from '../features/billing/BillingScreen';
import { ChartScreen } from '../features/chart/ChartScreen';
import { ConflictsNavLabel } from '../features/conflicts/ConflictsNavLabel';
import { ConflictsScreen } from '../features/conflicts/ConflictsScreen';
import { PatientQuickSearch } from '../features/patients/PatientQuickSearch';
import { PatientsScreen } from '../features/patients/PatientsScreen';
import { TodayQueue } from '../features/queue/TodayQueue';
import { ScheduleScreen } from '../features/schedule/ScheduleScreen';
import { NavigationContext, type Route } from './navigation';
import { useReference } from './reference';
import { useSession } from './session';
import { SyncIndicator } from './SyncIndicator';
import { Loading } from '../ui/feedback';

/** Reports bring the chart library: loaded when a manager opens them, not with every workstation's first screen. */
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

const SCREENS = [
  { screen: 'today', label: 'Today', permission: 'schedule.read' },
  { screen: 'schedule', label: 'Schedule', permission: 'schedule.read' },
  { screen: 'patients', label: 'Patients', permission: 'patients.read' },
  { screen: 'admin', label: 'Admin', permission: 'users.manage' },
  { screen: 'conflicts', label: 'Conflicts', permission: 'conflicts.resolve' },
  { screen: 'audit', label: 'Audit', permission: 'audit.read' },
  { screen: 'billing', label: 'Billing', permission: 'billing.read' },
  { screen: 'reports', label: 'Reports', permission: 'reports.read' },
] as const;

/** Alt+digit types characters on AltGr keyboard layouts: inside a field the keys belong to the typist. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Shell() {
  useLiveData();
  const session = useSession();
  const { reference } = useReference();
  const [route, navigate] = useState<Route>({ screen: 'today' });
  const visible = SCREENS.filter((s) => session.can(s.permission));

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.getModifierState('AltGraph')) return;
      if (isTextEntry(event.target)) return;
      const index = Number(event.key) - 1;
      const target = visible[index];
      if (target) {
        event.preventDefault();
        navigate({ screen: target.screen });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible]);

  return (
    <NavigationContext.Provider value={{ route, navigate }}>
      <div className="shell">
        <header className="shell__header">
          <div className="shell__brand">
            <strong>Outpost</strong>
            <span className="shell__clinic">{reference?.clinic.name}</span>
          </div>
          <nav aria-label="Main">
            <ul className="shell__nav">
              {visible.map((s, i) => (
                <li key={s.screen}>
                  <button
                    type="button"
                    className={`nav-link${route.screen === s.screen ? ' nav-link--active' : ''}`}
                    aria-current={route.screen === s.screen ? 'page' : undefined}
                    aria-keyshortcuts={`Alt+${i + 1}`}
                    onClick={() => navigate({ screen: s.screen })}
                  >
                    {s.screen === 'conflicts' ? <ConflictsNavLabel /> : s.label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {session.can('patients.read') && <PatientQuickSearch />}
          <SyncIndicator />
          <div className="shell__user">
            <span className="shell__who">
              <span>{session.user.displayName}</span>
              <span className="shell__role">{roleLabels[session.user.role as Role] ?? session.user.role}</span>
            </span>
            <button type="button" className="button button--ghost" onClick={session.lock} title="Lock the screen while you step away">
              Lock
            </button>
            <button type="button" className="button button--ghost" onClick={session.signOut}>
              Sign out
            </button>
          </div>
        </header>
        <main className="shell__main" id="main">
          {route.screen === 'today' && <TodayQueue />}
          {route.screen === 'schedule' && <ScheduleScreen route={route} />}
          {route.screen === 'patients' && <PatientsScreen route={route} />}
          {route.screen === 'admin' &&
            (session.can('users.manage') ? (
              <AdminScreen />
            ) : (
              <p role="alert">Only managers and administrators can open the admin screen.</p>
            ))}
          {route.screen === 'conflicts' && <ConflictsScreen />}
          {route.screen === 'audit' &&
            (session.can('audit.read') ? (
              <AuditScreen />
            ) : (
              <p role="alert">Only practice managers and administrators can read the audit trail.</p>
            ))}
          {route.screen === 'chart' && <ChartScreen route={route} />}
          {route.screen === 'billing' &&
            (session.can('billing.read') ? (
              <BillingScreen route={route} />
            ) : (
              <p role="alert">Your role cannot see patient accounts. Ask a practice manager.</p>
            ))}
          {route.screen === 'reports' &&
            (session.can('reports.read') ? (
              <Suspense fallback={<Loading label="Opening the reports…" />}>
                <ReportsScreen />
              </Suspense>
            ) : (
              <p role="alert">Only practice managers and administrators can open the reports.</p>
            ))}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
