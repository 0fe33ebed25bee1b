/**
 * The "Conflicts" entry of the main navigation with its count of open ones,
 * taken from the sync state (kept current by the core's sync.status events).
 * The count is drawn as a badge and spoken as part of the name:
 * "Conflicts, 2 open".
 */
import { useSession } from '../../app/session';
import { useSyncStatus } from '../sync/useSyncStatus';
import './conflicts.css';

export function ConflictsNavLabel() {
  const status = useSyncStatus();
  // Conflicts about a chart's content are not in the inbox of those who cannot read charts: not in their count either.
  const hidden = useSession().can('chart.read') ? 0 : (status?.openClinicalConflicts ?? 0);
  const open = (status?.openConflicts ?? 0) - hidden;
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
