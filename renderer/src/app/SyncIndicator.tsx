/**
 * Always-visible sync state with an icon and a colour per state: "Synced ·
 * 2 min ago", "Offline since 14:05 · 12 changes waiting", "Sync problem",
 * "Local only — not synced". The detail sits under the state, in two short
 * lines like the clinic name under "Outpost", so the header keeps its width. It is a button: it opens the
 * sync panel. A hidden live region announces only real changes of state
 * (online, offline, problem), never the clock ticking.
 */
import { useState } from 'react';
import { SyncIcon } from '../features/sync/SyncIcon';
import { SyncPanel } from '../features/sync/SyncPanel';
import { describeSync, type SyncTone } from '../features/sync/syncText';
import { useNow, useSyncStatus } from '../features/sync/useSyncStatus';
import '../features/sync/sync.css';
import { useReference } from './reference';

const announcements: Record<SyncTone, string> = {
  checking: '',
  local: '',
  synced: 'Sync: online',
  syncing: 'Sync: online',
  offline: 'Sync: offline',
  problem: 'Sync problem: open the sync panel for details',
};

export function SyncIndicator() {
  const status = useSyncStatus();
  const now = useNow(30_000);
  const { reference } = useReference();
  const zone = reference?.clinic.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const line = describeSync(status, { now, zone });
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={`sync sync--${line.tone}`} aria-haspopup="dialog" title="Sync details" onClick={() => setOpen(true)}>
        <SyncIcon tone={line.tone} />
        <span className="visually-hidden">Sync status: </span>
        <span className="sync__text">
          <span className="sync__main">{line.main}</span>
          {line.detail && (
            <>
              <span className="visually-hidden">{line.separator}</span>
              <span className="sync__detail">{line.detail}</span>
            </>
          )}
        </span>
      </button>
      <span className="visually-hidden" role="status">
        {announcements[line.tone]}
      </span>
      <SyncPanel open={open} onClose={() => setOpen(false)} status={status} line={line} now={now} zone={zone} />
    </>
  );
}
