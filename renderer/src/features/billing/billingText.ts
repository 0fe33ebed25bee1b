/**
 * The ledger in the words of the desk. Kinds, methods and reasons are open
 * enums (a newer workstation, or an 835 remittance, may bring a value this
 * one does not know): every lookup falls back to the raw value rather than
 * hiding the row.
 */
import { DateTime } from 'luxon';
import { adjustmentReasons, paymentMethodLabels, type LedgerEntry } from '../../../../main/contract';

const kindLabels: Record<string, string> = {
  charge: 'Charge',
  payment: 'Payment',
  adjustment: 'Adjustment',
  refund: 'Refund',
  transfer: 'Balance moved',
  reversal: 'Reversal',
};

export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

/** Null payer: the patient's own part. */
export function payerLabel(payer: string | null): string {
  return payer ?? 'Patient';
}

export function methodLabel(method: string | null): string {
  if (!method) return '';
  return (paymentMethodLabels as Record<string, string>)[method] ?? method;
}

export function reasonLabel(code: string | null): string {
  if (!code) return '';
  const known = (adjustmentReasons as Record<string, string>)[code];
  return known ? `${code} ${known}` : code;
}

export function methodAndReference(entry: Pick<LedgerEntry, 'method' | 'reference'>): string {
  return [methodLabel(entry.method), entry.reference].filter(Boolean).join(' · ');
}

/** Today as a plain date, in the clinic's zone (the default accounting date). */
export function clinicToday(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? '';
}

/** "99213-25 ×2": a charge line as named in pickers. */
export function chargeName(charge: { code: string; modifiers: string[]; units: number }): string {
  const modifiers = charge.modifiers.length > 0 ? `-${charge.modifiers.join('-')}` : '';
  return `${charge.code}${modifiers}${charge.units > 1 ? ` ×${charge.units}` : ''}`;
}
