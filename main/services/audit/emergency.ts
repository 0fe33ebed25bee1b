/**
 * Emergency ("break-glass") access (HIPAA 164.312(a)(2)(ii)): a user whose
 * role cannot read charts states a reason and gets one patient's chart,
 * read-only, for an hour. Dispatch asks `emergencyAllows` before refusing a
 * chart read; every grant is a synced row managers review, and each read
 * under it is audited like any other chart read.
 */
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { attachments, emergencyAccess, encounters, notes, patients } from '../../../db/schema';
import { ApiError, can, EMERGENCY_MINUTES, patientDisplayName, type EmergencyAccess } from '../../contract';
import { namesOf } from '../charting/notes';
import type { SessionUser } from '../handler';
import { patientOf, survivorOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';

export function grantEmergencyAccess(store: Store, user: SessionUser, patientId: string, reason: string) {
  if (can(user.role, 'chart.read')) throw new ApiError('CONFLICT', 'Your role can open charts: open it the usual way.');
  const survivor = patientOf(store, patientId);
  const now = Date.now();
  const expiresAt = new Date(now + EMERGENCY_MINUTES * 60_000).toISOString();
  store.capture.mutate((w) =>
    w.insert(emergencyAccess, {
      userId: user.id,
      patientId: survivor,
      reason: reason.trim(),
      grantedAt: new Date(now).toISOString(),
      expiresAt,
    }),
  );
  return { patientId: survivor, expiresAt };
}

/** The patient a chart read is about: named in the input, or owning the encounter, note or attachment it names. */
function patientOfCall(store: Store, input: unknown): string | null {
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : null);
  const direct = text('patientId');
  if (direct) return direct;
  const id = text('id') ?? text('encounterId') ?? text('noteId');
  if (!id) return null;
  for (const table of [encounters, notes, attachments]) {
    const row = store.db.select({ patientId: table.patientId }).from(table).where(eq(table.id, id)).get();
    if (row) return row.patientId;
  }
  return null;
}

/** Reading only: taking the record away (export) or printing it is not part of an emergency opening. */
const NOT_IN_AN_EMERGENCY = new Set(['fhir.exportPatient', 'encounters.visitSummary']);

/** Whether an unexpired emergency grant of this user covers the patient this chart read is about. */
export function emergencyAllows(store: Store, user: SessionUser, method: string, input: unknown): boolean {
  if (NOT_IN_AN_EMERGENCY.has(method)) return false;
  const patientId = patientOfCall(store, input);
  if (!patientId) return false;
  const survivor = survivorOf(store, patientId);
  return (
    store.db
      .select({ id: emergencyAccess.id })
      .from(emergencyAccess)
      .where(
        and(
          eq(emergencyAccess.userId, user.id),
          inArray(emergencyAccess.patientId, withMergedRecords(store, survivor)),
          gt(emergencyAccess.expiresAt, new Date().toISOString()),
        ),
      )
      .get() !== undefined
  );
}

export function listEmergencyAccesses(store: Store): EmergencyAccess[] {
  const rows = store.db.select().from(emergencyAccess).orderBy(desc(emergencyAccess.grantedAt)).limit(500).all();
  const names = namesOf(
    store,
    rows.map((row) => row.userId),
  );
  return rows.map((row) => {
    const patient = store.db.select().from(patients).where(eq(patients.id, row.patientId)).get();
    return {
      id: row.id,
      userName: names.get(row.userId) ?? 'Unknown user',
      patientId: row.patientId,
      patientName: patient ? `${patientDisplayName(patient)} (${patient.mrn})` : 'Unknown patient',
      reason: row.reason,
      grantedAt: row.grantedAt,
      expiresAt: row.expiresAt,
    };
  });
}
