/**
 * The patient's encounters, newest first, each readable at a glance: when,
 * what kind, why, with whom, which diagnoses, and whether its note is still a
 * draft. Each one is a button in reading order, so the list works from the
 * keyboard; the open one is marked as current.
 */
import { useState } from 'react';
import type { Encounter } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { kindLabel, noteStatusLabel } from './chartText';
import { NewEncounterDialog } from './NewEncounterDialog';

interface Props {
  patientId: string;
  encounters: Encounter[];
  selectedId: string | null;
  zone: string;
  onSelect(encounterId: string): void;
}

export function EncounterList({ patientId, encounters, selectedId, zone, onSelect }: Props) {
  const session = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <nav className="chart-encounters" aria-labelledby="chart-encounters-title">
      <div className="chart-encounters__header">
        <h2 id="chart-encounters-title">Encounters</h2>
        {session.can('chart.write') && (
          <button type="button" className="button button--small" onClick={() => setCreating(true)}>
            New encounter
          </button>
        )}
      </div>
      {encounters.length === 0 ? (
        <p className="chart-muted chart-encounters__empty">None yet.</p>
      ) : (
        <ul className="chart-encounters__list">
          {encounters.map((encounter) => (
            <li key={encounter.id}>
              <EncounterItem encounter={encounter} zone={zone} current={encounter.id === selectedId} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
      <NewEncounterDialog patientId={patientId} open={creating} onClose={() => setCreating(false)} onOpened={onSelect} />
    </nav>
  );
}

function EncounterItem({
  encounter,
  zone,
  current,
  onSelect,
}: {
  encounter: Encounter;
  zone: string;
  current: boolean;
  onSelect(id: string): void;
}) {
  const status = encounter.noteStatus;
  const when = formatDateTime(encounter.startedAt, zone);
  // One sentence for screen readers; the visible parts are separate lines that would otherwise run together.
  const label = [
    when,
    kindLabel(encounter.kind),
    encounter.providerName,
    encounter.reason,
    encounter.diagnoses.length > 0 ? `diagnoses ${encounter.diagnoses.map((d) => d.code).join(', ')}` : null,
    noteStatusLabel(status),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <button
      type="button"
      className={`chart-encounter${current ? ' chart-encounter--current' : ''}`}
      aria-current={current ? 'true' : undefined}
      aria-label={label}
      onClick={() => onSelect(encounter.id)}
    >
      <span className="chart-encounter__top">
        <time dateTime={encounter.startedAt}>{when}</time>
        <StatusBadge status={status} />
      </span>
      <span className="chart-encounter__kind">
        {kindLabel(encounter.kind)}
        {encounter.providerName && <span className="chart-muted"> · {encounter.providerName}</span>}
      </span>
      {encounter.reason && <span className="chart-encounter__reason">{encounter.reason}</span>}
      {encounter.diagnoses.length > 0 && (
        <span className="chart-encounter__codes chart-mono">{encounter.diagnoses.map((d) => d.code).join(', ')}</span>
      )}
    </button>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const tone = ['draft', 'awaiting_cosign', 'signed'].includes(status) ? ` chart-badge--${status}` : '';
  return <span className={`badge chart-badge${tone}`}>{noteStatusLabel(status)}</span>;
}
