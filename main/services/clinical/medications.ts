/**
 * Medications: the active list, prescribing with alerts (see alerts.ts), and
 * the overrides a prescriber gave, kept with the medication.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alertOverrides, medications } from '../../../db/schema';
import { ApiError, type Medication, type ParsedInput } from '../../contract';
import { namesOf } from '../charting/notes';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import { checkPrescription } from './alerts';
import { existing } from './lists';

type MedicationRow = typeof medications.$inferSelect;

function findMedication(store: Store, id: string, patientId: string): MedicationRow {
  existing(store, medications, id, patientId, 'medication');
  const row = store.db.select().from(medications).where(eq(medications.id, id)).get();
  if (!row) throw new Error('Medication vanished');
  return row;
}

export function listMedications(store: Store, patientId: string): Medication[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  const rows = store.db
    .select()
    .from(medications)
    .where(and(inArray(medications.patientId, ids), isNull(medications.deletedAt)))
    .orderBy(asc(medications.status), asc(medications.name))
    .all()
    .filter((row) => row.status !== 'entered_in_error');
  const prescribers = rows.flatMap((r) => (r.prescriberId ? [r.prescriberId] : []));
  const names = namesOf(store, prescribers);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    drugClass: row.drugClass,
    dose: row.dose,
    route: row.route,
    frequency: row.frequency,
    startDate: row.startDate,
    stopDate: row.stopDate,
    status: row.status,
    prescriberName: row.prescriberId ? (names.get(row.prescriberId) ?? null) : null,
    note: row.note,
  }));
}

/**
 * A prescription that would be active is checked first: every alert it raises needs an override with a
 * reason (kept, append-only, with the knowledge version), otherwise the save is refused with the alerts.
 */
export function saveMedication(store: Store, user: SessionUser, input: ParsedInput<'medications.save'>): Medication {
  const patientId = patientOf(store, input.patientId);
  const before = input.id ? findMedication(store, input.id, patientId) : null;
  if (input.status === 'stopped' && !input.stopDate) {
    throw new ApiError('VALIDATION', 'Give the date the medication was stopped.', { stopDate: 'Required for a stopped medication' });
  }
  const startsOrChanges = input.status === 'active' && (!before || before.status !== 'active' || before.name !== input.name);
  const check = startsOrChanges
    ? checkPrescription(store, patientId, { name: input.name, drugClass: input.drugClass, medicationId: input.id })
    : null;
  const reasons = new Map(input.overrides.map((o) => [o.key, o.reason]));
  const unanswered = check?.alerts.filter((alert) => !reasons.has(alert.key)) ?? [];
  if (unanswered.length > 0) {
    const count = unanswered.length === 1 ? 'an alert' : `${unanswered.length} alerts`;
    throw new ApiError(
      'CONFLICT',
      `Prescribing ${input.name} raises ${count}. Review and give a reason to go ahead, or choose another drug.`,
      undefined,
      {
        alerts: unanswered,
      },
    );
  }
  const fields = {
    name: input.name,
    drugClass: input.drugClass ? input.drugClass.toLowerCase() : null,
    dose: input.dose,
    route: input.route,
    frequency: input.frequency,
    startDate: input.startDate ?? null,
    stopDate: input.stopDate ?? null,
    status: input.status,
    note: input.note,
  };
  const now = new Date().toISOString();
  const id = store.capture.mutate((w) => {
    const medicationId =
      input.id ?? w.insert(medications, { patientId, encounterId: input.encounterId ?? null, prescriberId: user.id, ...fields });
    if (input.id) w.update(medications, input.id, fields);
    for (const alert of check?.alerts ?? []) {
      w.insert(alertOverrides, {
        patientId,
        medicationId,
        alertKey: alert.key,
        alertTitle: alert.title,
        knowledgeVersion: check?.knowledgeVersion ?? '',
        reason: reasons.get(alert.key) ?? '',
        overriddenBy: user.id,
        overriddenAt: now,
      });
    }
    return medicationId;
  });
  const saved = listMedications(store, patientId).find((m) => m.id === id);
  if (!saved) return { id, ...fields, prescriberName: user.displayName };
  return saved;
}
