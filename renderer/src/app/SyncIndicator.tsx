/** Always-visible sync state. Until a cloud store is configured it honestly says the data is local only. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../main/contract';
import { api } from '../api/client';
import { useApi } from '../api/hooks';

export function SyncIndicator() {
  const initial = useApi('sync.status', {});
  const [live, setLive] = useState<SyncStatus | null>(null);
  const [browserOnline, setBrowserOnline] = useState(navigator.onLine);
  useEffect(() => api.on('sync.status', setLive), []);
  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  const status = live ?? initial.data;
  const label =
    !status || status.mode === 'local'
      ? 'Local only — not synced'
      : status.mode === 'offline' || !browserOnline
        ? `Offline — ${status.pendingOps} changes waiting`
        : 'Synced';
  const detail =
    !status || status.mode === 'local'
      ? 'Data is saved on this workstation only. Cloud sync is not configured yet.'
      : `Last sync ${status.lastSyncAt ?? 'never'}; ${status.pendingOps} changes waiting.`;
  return (
    <div className={`sync sync--${status?.mode ?? 'local'}`} role="status" aria-label={`Sync status: ${label}`} title={detail}>
      <span className="sync__dot" aria-hidden="true" />
      {label}
    </div>
  );
}
