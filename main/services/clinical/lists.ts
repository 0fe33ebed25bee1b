/**
 * Problems and allergies: per-patient lists edited in place
 * (column by column, so two workstations editing different fields of one
 * entry both keep their change). A merged-away record's entries are read
 * with the surviving record.
 */
import { and, asc, desc, eq, getTableName, inArray, isNull } from 'drizzle-orm';
import { allergies, problems } from '../../../db/schema';
import { ApiError, dottedCode, type Allergy, type AllergyState, type ParsedInput, type Problem } from '../../contract';
import type { SessionUser } from '../handler';
import { namesOf } from '../charting/notes';
import { patientOf, survivorOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import type { SyncedTable } from '../../sync/mutate';

/** An entry to edit must exist and belong to the patient named in the same call. */
export function existing(store: Store, table: SyncedTable, id: string, patientId: string, what: string): void {
  const row = store.sqlite
    .prepare(`SELECT patient_id AS patientId, deleted_at AS deletedAt FROM "${getTableName(table)}" WHERE id = ?`)
    .get(id) as { patientId: string; deletedAt: string | null } | undefined;
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', `That ${what} was not found. Reopen the chart.`, { id: `Unknown ${what}` });
  if (survivorOf(store, row.patientId) !== patientId) {
    throw new ApiError('VALIDATION', `That ${what} belongs to another patient's chart.`, { id: `Another patient's ${what}` });
  }
}

export function listProblems(store: Store, patientId: string): Problem[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  return store.db
    .select()
    .from(problems)
    .where(and(inArray(problems.patientId, ids), isNull(problems.deletedAt)))
    .orderBy(asc(problems.status), desc(problems.onsetDate), asc(problems.title))
    .all()
    .filter((row) => row.status !== 'entered_in_error')
    .map((row) => ({
      id: row.id,
      code: row.code ? dottedCode(row.code) : null,
      title: row.title,
      onsetDate: row.onsetDate,
      status: row.status,
      resolvedDate: row.resolvedDate,
      note: row.note,
    }));
}

export function saveProblem(store: Store, user: SessionUser, input: ParsedInput<'problems.save'>): Problem {
  const patientId = patientOf(store, input.patientId);
  if (input.id) existing(store, problems, input.id, patientId, 'problem');
  if (input.status !== 'resolved' && input.resolvedDate) {
    throw new ApiError('VALIDATION', 'Only a resolved problem has a resolved date.', {
      resolvedDate: 'Set the status to resolved, or clear the date',
    });
  }
  if (input.onsetDate && input.resolvedDate && input.resolvedDate < input.onsetDate) {
    throw new ApiError('VALIDATION', 'A problem cannot resolve before its onset.', { resolvedDate: 'Before the onset date' });
  }
  const fields = {
    // Stored bare like every code in the chart (E119), shown dotted (E11.9).
    code: input.code ? input.code.replace('.', '').toUpperCase() : null,
    title: input.title,
    onsetDate: input.onsetDate ?? null,
    status: input.status,
    resolvedDate: input.resolvedDate ?? null,
    note: input.note,
  };
  const id = store.capture.mutate((w) => {
    if (!input.id) return w.insert(problems, { patientId, recordedBy: user.id, ...fields });
    w.update(problems, input.id, fields);
    return input.id;
  });
  const saved = listProblems(store, patientId).find((p) => p.id === id);
  return saved ?? { id, ...fields, code: fields.code ? dottedCode(fields.code) : null };
}

function toAllergy(row: typeof allergies.$inferSelect, names: Map<string, string>): Allergy {
  return {
    id: row.id,
    category: row.category,
    substance: row.substance,
    drugClass: row.drugClass,
    reaction: row.reaction,
    severity: row.severity,
    status: row.status,
    recordedByName: names.get(row.recordedBy) ?? 'Unknown user',
    recordedAt: row.recordedAt,
  };
}

/**
 * An active allergy always wins over "no known allergies": a statement made on
 * one workstation must not hide an allergy recorded offline on another.
 */
export function allergyState(store: Store, patientId: string): AllergyState {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  const rows = store.db
    .select()
    .from(allergies)
    .where(and(inArray(allergies.patientId, ids), isNull(allergies.deletedAt), eq(allergies.status, 'active')))
    .orderBy(asc(allergies.substance))
    .all();
  const names = namesOf(
    store,
    rows.map((r) => r.recordedBy),
  );
  const recorded = rows.filter((r) => r.category !== 'none_known').map((r) => toAllergy(r, names));
  const statement = rows.filter((r) => r.category === 'none_known').sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  if (recorded.length > 0) return { state: 'recorded', allergies: recorded, noneKnown: null };
  if (statement) {
    return {
      state: 'none_known',
      allergies: [],
      noneKnown: { recordedByName: names.get(statement.recordedBy) ?? 'Unknown user', recordedAt: statement.recordedAt },
    };
  }
  return { state: 'not_recorded', allergies: [], noneKnown: null };
}

export function saveAllergy(store: Store, user: SessionUser, input: ParsedInput<'allergies.save'>): AllergyState {
  const patientId = patientOf(store, input.patientId);
  if (input.id) existing(store, allergies, input.id, patientId, 'allergy');
  const fields = {
    category: input.category,
    substance: input.substance,
    drugClass: input.drugClass ? input.drugClass.toLowerCase() : null,
    reaction: input.reaction,
    severity: input.severity ?? null,
    status: input.status,
  };
  const statements = store.db
    .select({ id: allergies.id })
    .from(allergies)
    .where(and(eq(allergies.patientId, patientId), eq(allergies.category, 'none_known'), eq(allergies.status, 'active')))
    .all();
  store.capture.mutate((w) => {
    if (input.id) w.update(allergies, input.id, fields);
    else w.insert(allergies, { patientId, recordedBy: user.id, recordedAt: new Date().toISOString(), ...fields });
    // Recording an allergy retires the statement that there were none.
    if (input.status === 'active') for (const s of statements) w.update(allergies, s.id, { status: 'inactive' });
  });
  return allergyState(store, patientId);
}

export function recordNoneKnown(store: Store, user: SessionUser, patientIdInput: string): AllergyState {
  const patientId = patientOf(store, patientIdInput);
  const current = allergyState(store, patientId);
  if (current.state === 'recorded') {
    const list = current.allergies.map((a) => a.substance).join(', ');
    throw new ApiError('CONFLICT', `The chart lists active allergies (${list}). Mark them inactive first if they were wrong.`);
  }
  if (current.state === 'none_known') return current;
  store.capture.mutate((w) =>
    w.insert(allergies, {
      patientId,
      category: 'none_known',
      substance: 'No known allergies',
      status: 'active',
      recordedBy: user.id,
      recordedAt: new Date().toISOString(),
    }),
  );
  return allergyState(store, patientId);
}
