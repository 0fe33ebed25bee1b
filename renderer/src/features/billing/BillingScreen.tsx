/**
 * Billing: a patient's account (found with the same patient search as the
 * booking form) and, for managers, the fee schedules. Tabs follow the
 * WAI-ARIA tabs pattern (one tab stop, arrows move between tabs), like Admin.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Route } from '../../app/navigation';
import { useSession } from '../../app/session';
import { BatchStatementsButton } from '../reports/Statements';
import { PatientPicker, type PatientChoice } from '../schedule/PatientPicker';
import { AccountView } from './AccountView';
import { BillingProfileDialog } from './BillingProfileDialog';
import { ClaimsTab } from './ClaimsTab';
import { FeeSchedulesTab } from './FeeSchedulesTab';
import { LockDateControl } from './LockDateControl';
import './billing.css';
import '../schedule/schedule.css';

type TabId = 'accounts' | 'claims' | 'fees';

export function BillingScreen({ route }: { route: Extract<Route, { screen: 'billing' }> }) {
  const { can } = useSession();
  const tabs: { id: TabId; label: string }[] = [
    { id: 'accounts', label: 'Patient accounts' },
    { id: 'claims', label: 'Claims' },
    ...(can('billing.manage') ? [{ id: 'fees' as const, label: 'Fee schedules' }] : []),
  ];
  const [selected, setSelected] = useState<TabId>('accounts');
  const [editingProfile, setEditingProfile] = useState(false);
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  const active = tabs.some((t) => t.id === selected) ? selected : 'accounts';

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    setSelected(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div className="billing">
      <div className="billing__top">
        <h1>Billing</h1>
        <div className="billing-heading__actions">
          {can('billing.manage') && <BatchStatementsButton />}
          {can('billing.manage') && (
            <button type="button" className="button" onClick={() => setEditingProfile(true)}>
              Billing profile
            </button>
          )}
          <LockDateControl />
        </div>
      </div>
      {editingProfile && <BillingProfileDialog onClose={() => setEditingProfile(false)} />}
      {/* One tab (the desk's view) needs no tab list. */}
      <div role="tablist" aria-label="Billing" className="billing-tabs" hidden={tabs.length < 2}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`billing-tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`billing-panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            className={`billing-tabs__tab${active === tab.id ? ' billing-tabs__tab--active' : ''}`}
            onClick={() => setSelected(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role={tabs.length > 1 ? 'tabpanel' : undefined}
        id={`billing-panel-${active}`}
        aria-labelledby={tabs.length > 1 ? `billing-tab-${active}` : undefined}
        className="billing-panel"
      >
        {active === 'accounts' && <AccountsTab key={route.patientId ?? 'none'} initialPatientId={route.patientId} />}
        {active === 'claims' && <ClaimsTab />}
        {active === 'fees' && <FeeSchedulesTab />}
      </div>
    </div>
  );
}

/** Keyed by the route's patient, so arriving from elsewhere (a conflict card) opens that account afresh. */
function AccountsTab({ initialPatientId }: { initialPatientId: string | undefined }) {
  const [choice, setChoice] = useState<PatientChoice | null>(initialPatientId ? { id: initialPatientId } : null);
  return (
    <>
      <div className="billing-find">
        <PatientPicker value={choice} onChange={setChoice} autoFocus={!choice} />
      </div>
      {choice ? (
        <AccountView patientId={choice.id} />
      ) : (
        <p className="billing-muted">Find a patient by name, date of birth, phone or MRN to see their account.</p>
      )}
    </>
  );
}
