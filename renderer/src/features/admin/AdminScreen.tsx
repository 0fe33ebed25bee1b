/**
 * Administration: users for anyone with users.manage, clinic settings only for
 * settings.manage (dispatch enforces both; hiding the tab just avoids offering
 * what would be refused). Tabs follow the WAI-ARIA tabs pattern: one tab stop,
 * arrow keys move between tabs.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useSession } from '../../app/session';
import { SnippetLibrary } from '../snippets/SnippetLibrary';
import { ClinicTab } from './ClinicTab';
import { UsersTab } from './UsersTab';
import './admin.css';

type TabId = 'users' | 'clinic' | 'snippets';

export function AdminScreen() {
  const { can } = useSession();
  const tabs: { id: TabId; label: string }[] = [
    { id: 'users', label: 'Users' },
    ...(can('settings.manage') ? [{ id: 'clinic' as const, label: 'Clinic' }] : []),
    ...(can('settings.manage') ? [{ id: 'snippets' as const, label: 'Snippets' }] : []),
  ];
  const [selected, setSelected] = useState<TabId>('users');
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  const active = tabs.some((t) => t.id === selected) ? selected : 'users';

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
    <div className="admin">
      <h1>Administration</h1>
      <div role="tablist" aria-label="Administration" className="admin-tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`admin-tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`admin-panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            className={`admin-tabs__tab${active === tab.id ? ' admin-tabs__tab--active' : ''}`}
            onClick={() => setSelected(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${active}`} aria-labelledby={`admin-tab-${active}`} className="admin-panel">
        {active === 'users' ? <UsersTab /> : active === 'clinic' ? <ClinicTab /> : <SnippetLibrary />}
      </div>
    </div>
  );
}
