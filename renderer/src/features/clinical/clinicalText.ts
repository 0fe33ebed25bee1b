/**
 * The clinical lists' wording and small rules, kept apart from the components
 * so they read as one policy and are unit-tested. Statuses are open enums (a
 * newer workstation may send one this version does not know): an unknown one
 * is listed with the current entries and shown as sent, never hidden.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  MedicationAlert,
  type Allergy,
  type allergyCategories,
  type allergySeverities,
  type ApiErrorShape,
  type Input,
  type Medication,
  type Problem,
} from '../../../../main/contract';

/** Today's date in the clinic's zone, as a plain date for the date inputs. */
export function todayIn(zone: string, now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toISODate() ?? '';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "hives, severe": how the reaction reads after the substance. */
export function allergyReaction(allergy: Pick<Allergy, 'reaction' | 'severity'>): string {
  return [allergy.reaction, allergy.severity].filter(Boolean).join(', ');
}

/** "Amoxicillin (hives, severe)" for the one-line lists of the header. */
export function allergyShort(allergy: Allergy): string {
  const reaction = allergyReaction(allergy);
  return reaction ? `${allergy.substance} (${reaction})` : allergy.substance;
}

export interface Split<T> {
  current: T[];
  past: T[];
}

/** Active problems first; resolved ones apart (the list collapses them). */
export function splitProblems(problems: Problem[]): Split<Problem> {
  return {
    current: problems.filter((p) => p.status !== 'resolved'),
    past: problems.filter((p) => p.status === 'resolved'),
  };
}

export function splitMedications(medications: Medication[]): Split<Medication> {
  return {
    current: medications.filter((m) => m.status !== 'stopped'),
    past: medications.filter((m) => m.status === 'stopped'),
  };
}

/** "500 mg · oral · three times daily". */
export function medicationDirections(medication: Pick<Medication, 'dose' | 'route' | 'frequency'>): string {
  return [medication.dose, medication.route, medication.frequency].filter(Boolean).join(' · ');
}

/** A medication as medications.save wants it back, for a change of status that keeps everything else. */
export function medicationSaveInput(patientId: string, medication: Medication) {
  return {
    id: medication.id,
    patientId,
    name: medication.name,
    drugClass: medication.drugClass,
    dose: medication.dose,
    route: medication.route,
    frequency: medication.frequency,
    startDate: medication.startDate,
    stopDate: medication.stopDate,
    note: medication.note,
  };
}

export function problemSaveInput(patientId: string, problem: Problem) {
  return {
    id: problem.id,
    patientId,
    code: problem.code,
    title: problem.title,
    onsetDate: problem.onsetDate,
    resolvedDate: problem.resolvedDate,
    note: problem.note,
  };
}

/**
 * An allergy as allergies.save wants it back, to take it off the list. A
 * category or severity this version does not know (from a newer workstation)
 * is sent back as it came: the core says so if it cannot take it.
 */
export function allergyStatusInput(patientId: string, allergy: Allergy, status: 'inactive' | 'entered_in_error'): Input<'allergies.save'> {
  return {
    id: allergy.id,
    patientId,
    category: allergy.category as (typeof allergyCategories)[number],
    substance: allergy.substance,
    drugClass: allergy.drugClass,
    reaction: allergy.reaction,
    severity: allergy.severity as (typeof allergySeverities)[number] | null,
    status,
  };
}

const Refusal = z.object({ alerts: z.array(MedicationAlert) });

/** The alerts a refused prescription came back with (CONFLICT with details.alerts), or none. */
export function alertsOfRefusal(error: ApiErrorShape | null): MedicationAlert[] {
  if (!error || error.code !== 'CONFLICT') return [];
  const parsed = Refusal.safeParse(error.details);
  return parsed.success ? parsed.data.alerts : [];
}

/** The alerts of the check and of a refusal, once each, high severity first. */
export function mergeAlerts(...lists: MedicationAlert[][]): MedicationAlert[] {
  const byKey = new Map<string, MedicationAlert>();
  for (const list of lists) for (const alert of list) if (!byKey.has(alert.key)) byKey.set(alert.key, alert);
  const order = (a: MedicationAlert) => (a.severity === 'high' ? 0 : 1);
  return [...byKey.values()].sort((a, b) => order(a) - order(b));
}

/** Reasons typed so far, sent for the alerts on show; a blank one is left for the core to ask for again. */
export function overridesFor(alerts: MedicationAlert[], reasons: Record<string, string>): { key: string; reason: string }[] {
  return alerts.flatMap((alert) => {
    const reason = reasons[alert.key]?.trim() ?? '';
    return reason ? [{ key: alert.key, reason }] : [];
  });
}

export const REASON_NEEDED = 'Give a reason to go ahead despite this alert, or choose another drug.';

/**
 * Which alert's reason field shows which message: the core names a reason it
 * refused by its place in the overrides sent ("overrides.0.reason"), and an
 * alert still without a reason comes back in the refusal's alerts.
 */
export function reasonErrors(error: ApiErrorShape | null, sent: { key: string }[]): Record<string, string> {
  const found: Record<string, string> = {};
  if (!error) return found;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const match = /^overrides\.(\d+)(\.reason)?$/.exec(path);
    const key = match ? sent[Number(match[1])]?.key : undefined;
    if (key) found[key] = message;
  }
  for (const alert of alertsOfRefusal(error)) found[alert.key] ??= REASON_NEEDED;
  return found;
}

export function alertKindLabel(kind: string): string {
  const labels: Record<string, string> = {
    drug_allergy: 'Drug allergy',
    cross_sensitivity: 'Cross-sensitivity',
    duplicate_therapy: 'Duplicate therapy',
    pharmacogenomic: 'Pharmacogenomic',
  };
  return labels[kind] ?? capitalize(kind.replace(/_/g, ' '));
}

export function severityLabel(severity: MedicationAlert['severity']): string {
  return severity === 'high' ? 'High severity' : 'Moderate severity';
}
