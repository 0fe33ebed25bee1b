/**
 * The "Conflicts" entry of the main navigation with its count of open ones,
 * taken from the sync state (kept current by the core's sync.status events).
 * The count is drawn as a badge and spoken as part of the name:
 * "Conflicts, 2 open".
 */
import { useSyncStatus } from '../sync/useSyncStatus';
import './conflicts.css';

export function ConflictsNavLabel() {
  const open = useSyncStatus()?.openConflicts ?? 0;
  if (open === 0) return <>Conflicts</>;
  // One spoken name: the badge is an inline-block, and mixing it with hidden text would make "Conflicts , 2 open".
  return (
    <>
      <span aria-hidden="true">
        Conflicts<span className="nav-badge">{open}</span>
      </span>
      <span className="visually-hidden">Conflicts, {open} open</span>
    </>
  );
}
