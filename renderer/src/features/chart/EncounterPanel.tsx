/**
 * The chosen encounter: its draft to write, or its locked note to read. A
 * note is locked from its first signature on (a nurse's submission for
 * co-signature included; one may arrive by sync while the draft is open): the
 * draft then gives way to the locked note, and whatever was typed here and
 * not saved is shown beside it.
 */
import type { ReactNode } from 'react';
import type { EncounterDetail } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { Superbill } from '../billing/Superbill';
import { kindLabel } from './chartText';
import { DraftEncounter } from './DraftEncounter';
import { StatusBadge } from './EncounterList';
import { SignedEncounter } from './SignedEncounter';

export function EncounterPanel({ encounterId, zone }: { encounterId: string; zone: string }) {
  const query = useApi('encounters.get', { id: encounterId });
  const session = useSession();
  if (query.isPending) return <Loading label="Opening the encounter…" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const detail = query.data;
  const draft = detail.note.status === 'draft' && detail.note.signatures.length === 0;
  const view =
    draft && session.can('chart.write') ? (
      <DraftEncounter key={detail.note.id} detail={detail} zone={zone} />
    ) : (
      <SignedEncounter detail={detail} zone={zone} />
    );
  if (!session.can('billing.read')) return view;
  return (
    <>
      {view}
      <Superbill encounterId={encounterId} />
    </>
  );
}

/** "Office visit · Tue 24 Nov 2026, 14:02 · Dr. Avery Lane" with the note's status, atop either view. */
export function EncounterTitle({ detail, zone, children }: { detail: EncounterDetail; zone: string; children?: ReactNode }) {
  const { encounter, note } = detail;
  return (
    <div className="chart-toolbar">
      <div className="chart-toolbar__title">
        <h2>
          {kindLabel(encounter.kind)} · {formatDateTime(encounter.startedAt, zone)}
        </h2>
        <StatusBadge status={note.status} />
        <span className="chart-muted">{encounter.providerName ?? `Written by ${note.authorName}`}</span>
      </div>
      {children && <div className="chart-toolbar__actions">{children}</div>}
    </div>
  );
}
