/**
 * Claims as rows: number (opens the claim), patient, payer and rank, service
 * dates, total and status. With `selection`, ready claims get a checkbox
 * each (and one for all of them) to be sent together in one file.
 */
import type { ClaimSummary } from '../../../../main/contract';
import { formatCents } from '../../ui/format';
import { claimBadgeClass, claimStatusLabel, rankName, serviceDates } from './claimsText';

/** The claim's status, and the payer's reason under it when it gave one. */
export function ClaimStatusBadge({ claim }: { claim: Pick<ClaimSummary, 'status' | 'statusReason'> }) {
  return (
    <>
      <span className={claimBadgeClass(claim.status)}>{claimStatusLabel(claim.status)}</span>
      {claim.statusReason && <span className="billing-note">{claim.statusReason}</span>}
    </>
  );
}

interface Selection {
  chosen: ReadonlySet<string>;
  onChange(ids: Set<string>): void;
}

interface ClaimsTableProps {
  label: string;
  claims: ClaimSummary[];
  onOpen(id: string): void;
  selection?: Selection;
  showPatient?: boolean;
}

export function ClaimsTable({ label, claims, onOpen, selection, showPatient = true }: ClaimsTableProps) {
  const ready = claims.filter((c) => c.status === 'ready').map((c) => c.id);
  const allChosen = ready.length > 0 && ready.every((id) => selection?.chosen.has(id));
  function toggle(id: string, on: boolean) {
    if (!selection) return;
    const next = new Set(selection.chosen);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  }
  return (
    <table className="table billing-table" aria-label={label}>
      <thead>
        <tr>
          {selection && (
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every claim ready to send"
                checked={allChosen}
                disabled={ready.length === 0}
                onChange={(e) => selection.onChange(new Set(e.target.checked ? ready : []))}
              />
            </th>
          )}
          <th scope="col">Claim</th>
          {showPatient && <th scope="col">Patient</th>}
          <th scope="col">Payer</th>
          <th scope="col">Service dates</th>
          <th scope="col" className="num">
            Lines
          </th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.id} className={selection?.chosen.has(claim.id) ? 'billing-row--chosen' : undefined}>
            {selection && (
              <td>
                {claim.status === 'ready' && (
                  <input
                    type="checkbox"
                    aria-label={`Select claim ${claim.number}`}
                    checked={selection.chosen.has(claim.id)}
                    onChange={(e) => toggle(claim.id, e.target.checked)}
                  />
                )}
              </td>
            )}
            <td className="mono">
              <button type="button" className="link-button" aria-label={`Open claim ${claim.number}`} onClick={() => onOpen(claim.id)}>
                {claim.number}
              </button>
            </td>
            {showPatient && <td>{claim.patientName}</td>}
            <td>
              {claim.payerName} <span className="billing-note">{rankName(claim.rank)}</span>
            </td>
            <td className="billing-nowrap">{serviceDates(claim)}</td>
            <td className="num">{claim.lines}</td>
            <td className="num">{formatCents(claim.totalCents)}</td>
            <td>
              <ClaimStatusBadge claim={claim} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
