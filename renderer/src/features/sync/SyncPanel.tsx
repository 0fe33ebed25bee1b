/**
 * What the header's sync line opens: the full state in plain words (where the
 * data syncs, when it last did, what is waiting and why), "Sync now", and for
 * people with sync.manage the "Work offline" switch and the sync location;
 * under it, the recent rounds that moved something or failed.
 * The dispatcher enforces sync.manage; hiding the controls only avoids
 * offering what would be refused.
 */
import { useId, useState } from 'react';
import type { ApiError, SyncStatus } from '../../../../main/contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { toApiError } from '../../ui/useServerForm';
import { SyncIcon } from './SyncIcon';
import { SyncLocationSection } from './SyncLocationSection';
import { changes, clockOrDate, count, describeRound, explainSync, NO_ACTIVITY, relativeTime, type SyncLine } from './syncText';
import { useSyncCall } from './useSyncStatus';

interface Props {
  open: boolean;
  onClose(): void;
  status: SyncStatus | undefined;
  line: SyncLine;
  now: number;
  zone: string;
}

export function SyncPanel({ open, onClose, ...rest }: Props) {
  return (
    <Dialog title="Sync" open={open} onClose={onClose}>
      <SyncDetails {...rest} />
    </Dialog>
  );
}

function SyncDetails({ status, line, now, zone }: Omit<Props, 'open' | 'onClose'>) {
  const session = useSession();
  const syncCall = useSyncCall();
  const [busy, setBusy] = useState<'sync' | 'pause' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const manages = session.can('sync.manage');

  async function run(what: 'sync' | 'pause', call: () => Promise<SyncStatus>) {
    setBusy(what);
    setFailure(null);
    try {
      await syncCall(call);
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(null);
    }
  }

  if (!status) return <p>Checking sync…</p>;
  const configured = status.mode !== 'local';
  const progress = status.progress;
  return (
    <>
      <section className="sync-panel__state" aria-label="Sync state">
        <p className={`sync-state sync-state--${line.tone}`}>
          <SyncIcon tone={line.tone} />
          <strong>{line.label}</strong>
        </p>
        <p className="sync-panel__explain">{explainSync(status)}</p>
        <dl className="sync-facts">
          {!manages && (
            <>
              <dt>Syncs through</dt>
              <dd>
                <TargetName target={status.target} />
              </dd>
            </>
          )}
          {configured && (
            <>
              <dt>Last synced</dt>
              <dd>
                {status.lastSyncAt ? `${formatDateTime(status.lastSyncAt, zone)} (${relativeTime(status.lastSyncAt, now)})` : 'Not yet'}
              </dd>
            </>
          )}
          {status.offlineSince && (
            <>
              <dt>Offline since</dt>
              <dd>{`${formatDateTime(status.offlineSince, zone)} (${relativeTime(status.offlineSince, now)})`}</dd>
            </>
          )}
          <dt>Changes to send</dt>
          <dd>
            {status.pendingOps === 0
              ? configured
                ? 'None: everything saved here has reached the sync location'
                : 'None'
              : `${changes(status.pendingOps)} saved on this workstation, not yet sent`}
          </dd>
          {status.quarantinedOps > 0 && (
            <>
              <dt>Changes on hold</dt>
              <dd>
                {changes(status.quarantinedOps)} from other workstations cannot be applied here yet: usually the record they belong to has
                not arrived yet, or they were made with a newer version of Outpost. They are kept and tried again after every sync. If this
                number does not go down, update Outpost on this workstation.
              </dd>
            </>
          )}
          {status.openConflicts > 0 && (
            <>
              <dt>Conflicts to review</dt>
              <dd>
                {count(status.openConflicts)} {status.openConflicts === 1 ? 'clash' : 'clashes'} between changes made on two workstations at
                the same time (for example the same time booked twice). Nothing was overwritten; a person decides what to keep
                {session.can('conflicts.resolve') ? ' under Conflicts in the menu.' : '.'}
              </dd>
            </>
          )}
        </dl>
        {status.alarms.length > 0 && (
          <div className="error-banner sync-panel__problem">
            <strong>Needs attention</strong>
            <ul>
              {status.alarms.map((alarm) => (
                <li key={alarm}>{alarm}</li>
              ))}
            </ul>
          </div>
        )}
        {status.lastError && (
          <div className="error-banner sync-panel__problem">
            <strong>Last sync failed</strong>
            <p>{status.lastError}</p>
          </div>
        )}
        <ErrorMessage error={failure} />
        {configured && (
          <div className="sync-panel__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null || status.paused}
              aria-describedby={status.paused ? 'sync-now-off' : undefined}
              onClick={() => void run('sync', () => api.call('sync.now', {}))}
            >
              {busy === 'sync' || progress
                ? progress && progress.done > 0
                  ? `Syncing… ${changes(progress.done)}`
                  : 'Syncing…'
                : 'Sync now'}
            </button>
            {status.paused && (
              <span id="sync-now-off" className="sync-panel__muted">
                Off while working offline.
              </span>
            )}
            {manages && (
              <WorkOfflineSwitch
                on={status.paused}
                busy={busy === 'pause'}
                onChange={(paused) => void run('pause', () => api.call('sync.setPaused', { paused }))}
              />
            )}
          </div>
        )}
      </section>
      {configured && <RecentActivity history={status.history} now={now} zone={zone} />}
      {manages && <SyncLocationSection />}
    </>
  );
}

/** The last rounds (newest first, quiet ones left out by the core), one line each with its clinic-local time. */
function RecentActivity({ history, now, zone }: { history: SyncStatus['history']; now: number; zone: string }) {
  return (
    <section className="sync-activity" aria-labelledby="sync-activity-title">
      <h3 id="sync-activity-title">Recent activity</h3>
      {history.length === 0 ? (
        <p className="sync-panel__muted">{NO_ACTIVITY}</p>
      ) : (
        <ol className="sync-activity__list">
          {history.map((round, i) => (
            <li key={`${round.at}-${i}`} className={`sync-activity__round sync-activity__round--${round.outcome}`}>
              <time dateTime={round.at} title={formatDateTime(round.at, zone)}>
                {clockOrDate(round.at, zone, now)}
              </time>
              <span>{describeRound(round)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "folder /srv/outpost" as "the shared folder /srv/outpost", the path set in a fixed-width font. */
function TargetName({ target }: { target: string | null }) {
  if (!target) return <>Nothing yet: the data is on this workstation only</>;
  const folder = /^folder (.+)$/.exec(target)?.[1];
  if (!folder) return <span className="sync-facts__target">{target}</span>;
  return (
    <>
      Shared folder <span className="sync-facts__target">{folder}</span>
    </>
  );
}

function WorkOfflineSwitch({ on, busy, onChange }: { on: boolean; busy: boolean; onChange(on: boolean): void }) {
  const hint = useId();
  return (
    <div className="sync-switch">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={hint}
        disabled={busy}
        className="sync-switch__control"
        onClick={() => onChange(!on)}
      >
        <span className="sync-switch__track" aria-hidden="true">
          <span className="sync-switch__thumb" />
        </span>
        Work offline
      </button>
      <span id={hint} className="sync-panel__muted">
        Cuts this workstation off from the sync location, as a lost internet line would (for practice or a demo). Everything keeps working;
        changes wait here and are sent when you switch it off.
      </span>
    </div>
  );
}
