/**
 * Claims in the words of the desk. A status is an open enum (a newer
 * workstation may bring one this one does not know): lookups fall back to
 * the raw value rather than hiding the claim.
 */
import { claimStatusLabels, type ClaimSummary } from '../../../../main/contract';
import { formatDate } from '../../ui/format';

const RANKS = ['primary', 'secondary', 'tertiary'];

export function claimStatusLabel(status: string): string {
  return (claimStatusLabels as Record<string, string>)[status] ?? status;
}

const badgeClasses: Record<string, string> = {
  ready: 'badge--booked',
  submitted: 'badge--in_room',
  accepted: 'badge--arrived',
  paid: 'badge--completed',
  rejected: 'badge--cancelled',
  denied: 'badge--cancelled',
};

export function claimBadgeClass(status: string): string {
  return `badge ${badgeClasses[status] ?? ''}`.trim();
}

/** "primary", "secondary": which of the patient's insurers a claim bills. */
export function rankName(rank: number): string {
  return RANKS[rank - 1] ?? `rank ${rank}`;
}

/** "3 Nov 2026" or "3 Nov 2026 – 5 Nov 2026". */
export function serviceDates(claim: Pick<ClaimSummary, 'serviceFrom' | 'serviceTo'>): string {
  if (!claim.serviceFrom) return '—';
  if (!claim.serviceTo || claim.serviceTo === claim.serviceFrom) return formatDate(claim.serviceFrom);
  return `${formatDate(claim.serviceFrom)} – ${formatDate(claim.serviceTo)}`;
}
