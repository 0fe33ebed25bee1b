/**
 * FHIR import: a Bundle from another system becomes chart entries of a new or
 * an existing (matched) patient, in one transaction. The preview says what
 * will be created and what is skipped, and which existing records match.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  allergies,
  encounterDiagnoses,
  fhirImports,
  encounters,
  immunizations,
  medications,
  noteAddenda,
  notes,
  noteSignatures,
  problems,
  vitalSigns,
} from '../../../db/schema';
import { api, ApiError, can, type DuplicateCandidate, type ParsedInput } from '../../contract';
import { requireUser, type CallContext } from '../handler';
import { patientHandlers } from '../patients/handlers';
import { findDuplicates, patientOf, withMergedRecords } from '../patients/records';
import { contentHash, namesOf } from '../charting/notes';
import type { Store } from '../store';
import { insertLabReport } from '../clinical/results';
import { planImport, type ImportPlan } from './plan';

export interface ImportPreview {
  patient: ImportPlan['patient'];
  matches: DuplicateCandidate[];
  counts: Record<string, number>;
  skipped: ImportPlan['skipped'];
  previousImports: { patientId: string; importedAt: string; importedByName: string }[];
}

/** The bundle's fingerprint: its content, whatever the whitespace it was sent with. */
function bundleHashOf(json: string): string {
  return createHash('sha256')
    .update(JSON.stringify(JSON.parse(json)))
    .digest('hex');
}

function importsOf(store: Store, bundleHash: string) {
  const rows = store.db.select().from(fhirImports).where(eq(fhirImports.bundleHash, bundleHash)).all();
  const names = namesOf(
    store,
    rows.map((row) => row.importedBy),
  );
  return rows.map((row) => ({
    patientId: patientOf(store, row.patientId),
    importedAt: row.importedAt,
    importedByName: names.get(row.importedBy) ?? 'Unknown user',
  }));
}

function counts(plan: ImportPlan): Record<string, number> {
  return {
    encounters: plan.encounters.length,
    notes: plan.notes.length,
    diagnoses: plan.diagnoses.length,
    problems: plan.problems.length,
    vitalSigns: plan.vitals.length,
    medications: plan.medications.length,
    allergies: plan.allergies.length,
    immunizations: plan.immunizations.length,
    labResults: plan.labs.reduce((n, report) => n + report.results.length, 0),
  };
}

export function previewImport(ctx: CallContext, json: string): ImportPreview {
  const plan = planImport(json);
  const matches = plan.patient
    ? findDuplicates(ctx.store, { ...plan.patient, phones: [plan.patient.phoneMobile, plan.patient.phoneHome] }).filter(
        (m) => m.reason === 'same_name_and_dob',
      )
    : [];
  return {
    patient: plan.patient,
    matches,
    counts: counts(plan),
    skipped: plan.skipped,
    previousImports: importsOf(ctx.store, bundleHashOf(json)),
  };
}

function newPatient(ctx: CallContext, plan: ImportPlan): string {
  if (!plan.patient)
    throw new ApiError('VALIDATION', 'This bundle has no Patient: choose the patient to import it into.', { targetPatientId: 'Required' });
  if (!can(requireUser(ctx).role, 'patients.write')) {
    throw new ApiError(
      'FORBIDDEN',
      'Only staff who register patients can create one from an import. Choose the matching patient, or ask the front desk.',
    );
  }
  const parsed = api['patients.create'].input.safeParse({ ...plan.patient, acknowledgeDuplicates: true });
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new ApiError(
      'VALIDATION',
      `The bundle's Patient cannot be registered: ${problem?.path.join('.') ?? ''} ${problem?.message ?? ''}`.trim(),
    );
  }
  const created = patientHandlers['patients.create'](parsed.data, ctx);
  if (created instanceof Promise) throw new Error('patients.create must stay synchronous');
  return created.id;
}

export function runImport(
  ctx: CallContext,
  input: ParsedInput<'fhir.import'>,
): { patientId: string; imported: Record<string, number>; skipped: ImportPlan['skipped'] } {
  const { store } = ctx;
  const user = requireUser(ctx);
  const plan = planImport(input.json);
  const bundleHash = bundleHashOf(input.json);
  const patientId = store.capture.mutate((w) => {
    const target = input.targetPatientId ? patientOf(store, input.targetPatientId) : newPatient(ctx, plan);
    const chart = withMergedRecords(store, target);
    const earlier = importsOf(store, bundleHash).find((row) => chart.includes(row.patientId));
    if (earlier) {
      throw new ApiError(
        'CONFLICT',
        `This record was already imported into this chart on ${earlier.importedAt.slice(0, 10)} by ${earlier.importedByName}. Importing it again would add every item twice.`,
      );
    }
    const encounterIds = new Map<string, string>();
    for (const e of plan.encounters) {
      encounterIds.set(
        e.sourceId,
        w.insert(encounters, { patientId: target, openedBy: user.id, startedAt: e.startedAt, kind: e.kind, reason: e.reason }),
      );
    }
    const encounterFor = (sourceId: string | null, startedAt: string): string =>
      (sourceId ? encounterIds.get(sourceId) : undefined) ??
      w.insert(encounters, { patientId: target, openedBy: user.id, startedAt, kind: 'office', reason: 'Imported document' });
    const withNote = new Set<string>();
    for (const note of plan.notes) {
      const encounterId = encounterFor(note.encounterSourceId, note.date);
      withNote.add(encounterId);
      const noteId = w.insert(notes, { encounterId, patientId: target, authorId: user.id, ...note.content, status: 'signed' });
      // Signed elsewhere, by someone who is not a user here: recorded as imported, by whoever imported it.
      w.insert(noteSignatures, {
        noteId,
        signerId: user.id,
        signedAt: note.date,
        role: 'imported',
        content: JSON.stringify(note.content),
        contentHash: contentHash(note.content),
      });
      for (const a of note.addenda)
        w.insert(noteAddenda, { noteId, authorId: user.id, writtenAt: a.writtenAt ?? note.date, text: a.text, kind: 'addendum' });
    }
    // Every encounter has a note in Outpost; one imported without its document gets an empty draft.
    for (const id of encounterIds.values())
      if (!withNote.has(id)) w.insert(notes, { encounterId: id, patientId: target, authorId: user.id, status: 'draft' });
    // The plan keeps only diagnoses whose encounter is in the bundle (the others are listed as skipped).
    for (const d of plan.diagnoses) {
      w.insert(encounterDiagnoses, {
        encounterId: encounterIds.get(d.encounterSourceId) ?? '',
        patientId: target,
        code: d.code,
        title: d.title,
        rank: d.rank,
      });
    }
    for (const p of plan.problems) w.insert(problems, { patientId: target, recordedBy: user.id, ...p });
    for (const v of plan.vitals) {
      const { encounterSourceId, ...values } = v;
      w.insert(vitalSigns, {
        patientId: target,
        recordedBy: user.id,
        encounterId: encounterSourceId ? (encounterIds.get(encounterSourceId) ?? null) : null,
        ...values,
      });
    }
    for (const m of plan.medications) w.insert(medications, { patientId: target, ...m });
    for (const a of plan.allergies) w.insert(allergies, { patientId: target, recordedBy: user.id, ...a });
    for (const i of plan.immunizations) w.insert(immunizations, { patientId: target, recordedBy: user.id, ...i });
    for (const report of plan.labs) insertLabReport(w, target, user.id, report, 'fhir');
    // Same patient and bundle, same id on every workstation: importing it on two offline makes one row, and a conflict-free chart.
    w.insert(fhirImports, {
      id: `fhir-import-${createHash('sha256').update(`${target}|${bundleHash}`).digest('hex').slice(0, 32)}`,
      patientId: target,
      bundleHash,
      importedBy: user.id,
      importedAt: new Date().toISOString(),
      counts: JSON.stringify(counts(plan)),
    });
    return target;
  });
  return { patientId, imported: counts(plan), skipped: plan.skipped };
}
