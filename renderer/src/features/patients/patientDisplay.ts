/**
 * How a patient is written on every patient screen, so the desk reads the same
 * "Family, Given (Preferred) · DOB (age) · sex · MRN · phone" everywhere and
 * can tell two similar patients apart at a glance.
 */
import type { PatientSummary } from '../../../../main/contract';
import { ageOn, formatDate } from '../../ui/format';

export const sexLabels: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

export const rankLabels: Record<number, string> = { 1: 'Primary', 2: 'Secondary', 3: 'Tertiary' };

export const relationshipLabels: Record<string, string> = { self: 'Self', spouse: 'Spouse', child: 'Child', other: 'Other' };

/** An unknown value (from a newer workstation) is shown as it is rather than hidden. */
export function sexLabel(sex: string): string {
  return sexLabels[sex] ?? sex;
}

export function ageLabel(dateOfBirth: string): string {
  const years = ageOn(dateOfBirth);
  if (Number.isNaN(years)) return '';
  return years === 1 ? '1 yr' : `${years} yrs`;
}

/** "14 Mar 1980 (46 yrs)". */
export function dobWithAge(dateOfBirth: string): string {
  const age = ageLabel(dateOfBirth);
  return age ? `${formatDate(dateOfBirth)} (${age})` : formatDate(dateOfBirth);
}

export function primaryPhone(p: Pick<PatientSummary, 'phoneMobile' | 'phoneHome'>): string | null {
  return p.phoneMobile ?? p.phoneHome;
}

/** One line for screen readers and option names. */
export function summaryText(p: PatientSummary, label: string): string {
  const phone = primaryPhone(p);
  return [label, `born ${dobWithAge(p.dateOfBirth)}`, sexLabel(p.sex), `MRN ${p.mrn}`, phone ? `phone ${phone}` : null]
    .filter(Boolean)
    .join(', ');
}
