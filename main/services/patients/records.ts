/** Reading patients and insurance, and the duplicate check used before any save. */
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { insurancePolicies, patients, recentPatients } from '../../../db/schema';
import { ApiError, type DuplicateCandidate, type Patient, type PatientSummary } from '../../contract';
import type { Store } from '../store';
import { patientsWithPhone } from './search';

type PatientRow = typeof patients.$inferSelect;

export function toSummary(row: PatientRow): PatientSummary {
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    preferredName: row.preferredName,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    phoneMobile: row.phoneMobile,
    phoneHome: row.phoneHome,
  };
}

export function findPatientRow(store: Store, id: string): PatientRow {
  const row = store.db
    .select()
    .from(patients)
    .where(and(eq(patients.id, id), isNull(patients.deletedAt)))
    .get();
  if (!row)
    throw new ApiError('NOT_FOUND', 'That patient record was not found. Search for the patient again.', { patientId: 'Unknown patient' });
  return row;
}

/**
 * When the record (the patient row or any of its policies, removals included)
 * was last saved: an insurance-only edit must count as a save for the
 * stale-edit check, though it leaves the patient row itself untouched.
 */
export function recordUpdatedAt(store: Store, row: PatientRow): string {
  const latest = store.db
    .select({ at: max(insurancePolicies.updatedAt) })
    .from(insurancePolicies)
    .where(eq(insurancePolicies.patientId, row.id))
    .get()?.at;
  return latest && latest > row.updatedAt ? latest : row.updatedAt;
}

export function loadPatient(store: Store, id: string): Patient {
  const row = findPatientRow(store, id);
  const insurance = store.db
    .select()
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.patientId, id), isNull(insurancePolicies.deletedAt)))
    .orderBy(asc(insurancePolicies.rank))
    .all()
    .map((p) => ({
      id: p.id,
      rank: p.rank,
      payerName: p.payerName,
      payerId: p.payerId,
      memberId: p.memberId,
      groupNumber: p.groupNumber,
      subscriberName: p.subscriberName,
      subscriberRelationship: p.subscriberRelationship,
      subscriberDateOfBirth: p.subscriberDateOfBirth,
    }));
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    middleName: row.middleName,
    familyName: row.familyName,
    preferredName: row.preferredName,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    phoneMobile: row.phoneMobile,
    phoneHome: row.phoneHome,
    email: row.email,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    emergencyContactName: row.emergencyContactName,
    emergencyContactRelationship: row.emergencyContactRelationship,
    emergencyContactPhone: row.emergencyContactPhone,
    preferredLanguage: row.preferredLanguage,
    notes: row.notes,
    insurance,
    updatedAt: recordUpdatedAt(store, row),
    mergedInto: survivorOf(store, row.id) === row.id ? null : (row.mergedInto ?? null),
    // In a cycle (merged into each other on two workstations) each lists the other: undoing either settles it.
    mergedFrom: store.db
      .select()
      .from(patients)
      .where(and(eq(patients.mergedInto, row.id), isNull(patients.deletedAt)))
      .all()
      .map(toSummary),
  };
}

/**
 * The record a patient id is read as: itself, or the record it was merged
 * into (followed through chains). Two workstations merging two records into
 * each other make a cycle: then neither is retired until a person decides
 * (the conflicts inbox shows it).
 */
/** Same rule as search: not merged away, unless merged in a cycle (see survivorOf). */
const notRetired = sql`(${patients.mergedInto} IS NULL OR EXISTS (SELECT 1 FROM patients m WHERE m.id = ${patients.mergedInto} AND m.merged_into = ${patients.id}))`;

export function survivorOf(store: Store, id: string): string {
  const seen = new Set([id]);
  let current = id;
  for (;;) {
    const next = store.db.select({ into: patients.mergedInto }).from(patients).where(eq(patients.id, current)).get()?.into;
    if (!next) return current;
    if (seen.has(next)) return id;
    seen.add(next);
    current = next;
  }
}

/** The surviving record of a patient id, refused when unknown. */
export function patientOf(store: Store, id: string): string {
  const survivor = survivorOf(store, id);
  findPatientRow(store, survivor);
  return survivor;
}

/** A patient id and every record merged into it (directly or through a chain). */
export function withMergedRecords(store: Store, id: string): string[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i += 1) {
    const merged = store.db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.mergedInto, ids[i] ?? ''))
      .all();
    for (const row of merged) if (!ids.includes(row.id) && survivorOf(store, row.id) === id) ids.push(row.id);
  }
  return ids;
}

/**
 * Case- and accent-insensitive comparison key for names. Letters of every
 * script are kept: a Cyrillic or Chinese name must not reduce to "".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function findDuplicates(
  store: Store,
  candidate: {
    givenName: string;
    familyName: string;
    dateOfBirth?: string | null;
    phones: (string | null | undefined)[];
    excludeId?: string;
  },
): DuplicateCandidate[] {
  const found = new Map<string, DuplicateCandidate>();
  if (candidate.dateOfBirth && candidate.givenName && candidate.familyName) {
    const given = nameKey(candidate.givenName);
    const family = nameKey(candidate.familyName);
    const sameDob = store.db
      .select()
      .from(patients)
      .where(and(eq(patients.dateOfBirth, candidate.dateOfBirth), isNull(patients.deletedAt), notRetired))
      .all();
    for (const row of sameDob) {
      if (given && family && row.id !== candidate.excludeId && nameKey(row.familyName) === family && nameKey(row.givenName) === given) {
        found.set(row.id, { patient: toSummary(row), reason: 'same_name_and_dob' });
      }
    }
  }
  for (const phone of candidate.phones) {
    const digits = phone?.replace(/\D/g, '') ?? '';
    for (const match of patientsWithPhone(store, digits)) {
      if (match.id !== candidate.excludeId && !found.has(match.id)) found.set(match.id, { patient: match, reason: 'same_phone' });
    }
  }
  return [...found.values()];
}

const RECENT_LIMIT = 10;

export function rememberRecent(store: Store, userId: string, patientId: string): void {
  store.db
    .delete(recentPatients)
    .where(and(eq(recentPatients.userId, userId), eq(recentPatients.patientId, patientId)))
    .run();
  store.db.insert(recentPatients).values({ userId, patientId, openedAt: new Date().toISOString() }).run();
}

export function recentFor(store: Store, userId: string): PatientSummary[] {
  const ids = store.db
    .select({ patientId: recentPatients.patientId })
    .from(recentPatients)
    .where(eq(recentPatients.userId, userId))
    .orderBy(desc(recentPatients.openedAt))
    .limit(RECENT_LIMIT)
    .all()
    .map((r) => r.patientId);
  if (ids.length === 0) return [];
  const rows = store.db
    .select()
    .from(patients)
    .where(and(inArray(patients.id, ids), isNull(patients.deletedAt), notRetired))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row)] : [];
  });
}
