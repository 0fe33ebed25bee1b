/**
 * The sync state in words for the desk: one short line for the header and the
 * sentences the panel shows. The state that needs a person most wins: a
 * problem, then copying in progress, then offline, then synced. Times are
 * shown in the clinic's zone, like every other time in Outpost.
 */
import type { SyncStatus } from '../../../../main/contract';
import { formatDateTime, formatTime } from '../../ui/format';
import { DateTime } from 'luxon';

export type SyncTone = 'local' | 'synced' | 'syncing' | 'offline' | 'problem' | 'checking';

export interface SyncLine {
  tone: SyncTone;
  /** The state, e.g. "Synced", "Offline since 14:05". */
  main: string;
  /** What goes with it, e.g. "2 min ago", "12 changes waiting". */
  detail: string | null;
  /** Between the two on one line: " · ", or a space after "Syncing…". */
  separator: string;
  /** Both as one line: "Synced · 2 min ago", "Syncing… 1,234 changes". */
  label: string;
}

function line(tone: SyncTone, main: string, detail: string | null = null): SyncLine {
  const separator = main.endsWith('…') ? ' ' : ' · ';
  return { tone, main, detail, separator, label: detail ? `${main}${separator}${detail}` : main };
}

const numbers = new Intl.NumberFormat('en-US');

/** 1234 -> "1,234". */
export function count(n: number): string {
  return numbers.format(n);
}

/** "1 change", "12 changes". */
export function changes(n: number): string {
  return `${count(n)} ${n === 1 ? 'change' : 'changes'}`;
}

/** "just now", "2 min ago", "3 h ago", "4 days ago" (a time a little in the future reads as "just now"). */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** "14:05" today in the clinic's zone, "Mon 3 Jun 2024, 14:05" on another day. */
export function clockOrDate(iso: string, zone: string, now: number): string {
  const then = DateTime.fromISO(iso, { zone });
  const today = DateTime.fromMillis(now, { zone });
  return then.hasSame(today, 'day') ? formatTime(iso, zone) : formatDateTime(iso, zone);
}

/** Whether the engine reports something a person must look at. */
export function hasProblem(status: SyncStatus): boolean {
  return Boolean(status.lastError) || status.alarms.length > 0;
}

/**
 * The header line. "Syncing…" only while changes are actually moving
 * (progress is set): an ordinary poll takes a blink and must not make the
 * header flicker every few seconds.
 */
export function describeSync(status: SyncStatus | undefined, options: { now: number; zone: string }): SyncLine {
  if (!status) return line('checking', 'Checking sync…');
  if (status.mode === 'local') return line('local', 'Local only — not synced');
  if (hasProblem(status)) return line('problem', 'Sync problem');
  if (status.mode === 'offline') {
    const since = status.offlineSince ? `Offline since ${clockOrDate(status.offlineSince, options.zone, options.now)}` : 'Offline';
    return line('offline', since, status.pendingOps > 0 ? `${changes(status.pendingOps)} waiting` : null);
  }
  if (status.progress) {
    const { done, total } = status.progress;
    return line('syncing', 'Syncing…', total ? `${count(done)} of ${changes(total)}` : done > 0 ? changes(done) : null);
  }
  if (!status.lastSyncAt) return line('syncing', 'Connecting to the sync location…');
  return line('synced', 'Synced', relativeTime(status.lastSyncAt, options.now));
}

/** One sentence the panel shows under the state line. */
export function explainSync(status: SyncStatus): string {
  if (status.mode === 'local') {
    return 'Everything is saved on this workstation only. Nothing is copied to the cloud or to other workstations until a sync location is set up.';
  }
  if (status.paused) {
    return 'This workstation is working offline on purpose. Everything keeps working here; changes are kept and sent as soon as it goes back online.';
  }
  if (status.mode === 'offline') {
    return 'The sync location cannot be reached (no internet, or the folder or service is down). Everything keeps working here; changes are kept and sent as soon as it is reachable again.';
  }
  if (hasProblem(status)) return 'Sync needs attention: see below. Work saved on this workstation is safe.';
  return 'Changes made here are copied to the sync location within seconds, and changes from other workstations arrive on their own.';
}

export type SyncRound = SyncStatus['history'][number];

/** What one sync round did: "Sent 3 changes · received 12", "Offline — could not reach the sync location", "Problem: …". */
export function describeRound(round: SyncRound): string {
  if (round.outcome === 'offline') return 'Offline — could not reach the sync location';
  if (round.outcome === 'error') return `Problem: ${round.message ?? 'the sync did not finish'}`;
  if (round.sent > 0 && round.received > 0) return `Sent ${changes(round.sent)} · received ${count(round.received)}`;
  if (round.sent > 0) return `Sent ${changes(round.sent)}`;
  if (round.received > 0) return `Received ${changes(round.received)}`;
  return 'Synced: nothing new to send or receive';
}

/** The panel's "Recent activity" when no round has done anything yet. */
export const NO_ACTIVITY = 'Nothing synced yet in this session.';
