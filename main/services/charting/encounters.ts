/**
 * Encounters: one visit (from an appointment or standalone) with its note and
 * coded diagnoses. A merged-away patient's encounters are read with the
 * surviving record, like the rest of the chart.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { encounterDiagnoses, encounters, notes, noteSignatures, providers, users } from '../../../db/schema';
import { ApiError, dottedCode, type Diagnosis, type Encounter, type EncounterDetail, type ParsedInput } from '../../contract';
import { requireUser, type CallContext } from '../handler';
import { findPatientRow, patientOf, survivorOf, toSummary, withMergedRecords } from '../patients/records';
import { schedulingHandlers } from '../scheduling/handlers';
import { findAppointmentRow } from '../scheduling/views';
import { listAppointmentTypes } from '../settings/reference';
import type { Store } from '../store';
import { findNoteRow, loadNote, signaturesOf, statusOf, type NoteRow } from './notes';
import { findTemplate } from './templates';

type EncounterRow = typeof encounters.$inferSelect;

function diagnosesOf(store: Store, encounterIds: string[]): Map<string, Diagnosis[]> {
  const byEncounter = new Map<string, Diagnosis[]>();
  if (encounterIds.length === 0) return byEncounter;
  const rows = store.db
    .select()
    .from(encounterDiagnoses)
    .where(and(inArray(encounterDiagnoses.encounterId, encounterIds), isNull(encounterDiagnoses.deletedAt)))
    .orderBy(asc(encounterDiagnoses.rank), asc(encounterDiagnoses.id))
    .all();
  for (const row of rows) {
    const list = byEncounter.get(row.encounterId) ?? [];
    list.push({ code: dottedCode(row.code), title: row.title });
    byEncounter.set(row.encounterId, list);
  }
  return byEncounter;
}

function noteOf(store: Store, encounterId: string): NoteRow {
  const row = store.db
    .select()
    .from(notes)
    .where(and(eq(notes.encounterId, encounterId), isNull(notes.deletedAt)))
    .orderBy(asc(notes.createdAt), asc(notes.id))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', 'This encounter has no note yet. Reopen the chart.');
  return row;
}

function toEncounters(store: Store, rows: EncounterRow[]): Encounter[] {
  const diagnoses = diagnosesOf(
    store,
    rows.map((r) => r.id),
  );
  const providerNames = new Map(
    store.db
      .select({ id: providers.id, name: providers.displayName })
      .from(providers)
      .all()
      .map((p) => [p.id, p.name]),
  );
  const noteRows = rows.length
    ? store.db
        .select({ id: notes.id, encounterId: notes.encounterId, status: notes.status })
        .from(notes)
        .where(
          and(
            inArray(
              notes.encounterId,
              rows.map((r) => r.id),
            ),
            isNull(notes.deletedAt),
          ),
        )
        .all()
    : [];
  const noteOfEncounter = new Map(noteRows.map((n) => [n.encounterId, n]));
  // A signature that arrived by sync is what makes a note signed, whatever its status column says yet.
  const roles = new Map<string, string[]>();
  if (noteRows.length) {
    const signatures = store.db
      .select({ noteId: noteSignatures.noteId, role: noteSignatures.role })
      .from(noteSignatures)
      .where(
        inArray(
          noteSignatures.noteId,
          noteRows.map((n) => n.id),
        ),
      )
      .all();
    for (const s of signatures) roles.set(s.noteId, [...(roles.get(s.noteId) ?? []), s.role]);
  }
  return rows.map((row) => {
    const note = noteOfEncounter.get(row.id);
    return {
      id: row.id,
      patientId: row.patientId,
      appointmentId: row.appointmentId,
      providerName: row.providerId ? (providerNames.get(row.providerId) ?? null) : null,
      startedAt: row.startedAt,
      kind: row.kind,
      reason: row.reason,
      noteStatus: note ? statusOf(roles.get(note.id) ?? [], note.status) : 'draft',
      diagnoses: diagnoses.get(row.id) ?? [],
    };
  });
}

export function findEncounterRow(store: Store, id: string): EncounterRow {
  const row = store.db.select().from(encounters).where(eq(encounters.id, id)).get();
  if (!row || row.deletedAt)
    throw new ApiError('NOT_FOUND', 'That encounter was not found. Reopen the chart.', { id: 'Unknown encounter' });
  return row;
}

export function loadEncounter(store: Store, id: string): EncounterDetail {
  const row = findEncounterRow(store, id);
  const [encounter] = toEncounters(store, [row]);
  if (!encounter) throw new Error('Encounter vanished while reading it');
  return {
    encounter,
    note: loadNote(store, noteOf(store, id)),
    patient: toSummary(findPatientRow(store, survivorOf(store, row.patientId))),
  };
}

export function listEncounters(store: Store, patientId: string): { patient: ReturnType<typeof toSummary>; encounters: Encounter[] } {
  const survivor = survivorOf(store, patientId);
  const patient = toSummary(findPatientRow(store, survivor));
  const rows = store.db
    .select()
    .from(encounters)
    .where(and(inArray(encounters.patientId, withMergedRecords(store, survivor)), isNull(encounters.deletedAt)))
    .orderBy(desc(encounters.startedAt), desc(encounters.id))
    .all();
  return { patient, encounters: toEncounters(store, rows) };
}

export function openEncounter(ctx: CallContext, input: ParsedInput<'encounters.open'>): EncounterDetail {
  const { store } = ctx;
  const user = requireUser(ctx);
  const patientId = patientOf(store, input.patientId);
  const appointment = input.appointmentId ? findAppointmentRow(store, input.appointmentId) : null;
  if (appointment && survivorOf(store, appointment.patientId) !== patientId) {
    throw new ApiError('VALIDATION', 'That appointment belongs to another patient. Open the chart from the right appointment.');
  }
  if (appointment) {
    const existing = store.db
      .select()
      .from(encounters)
      .where(and(eq(encounters.appointmentId, appointment.id), isNull(encounters.deletedAt)))
      .orderBy(asc(encounters.createdAt))
      .get();
    if (existing) return loadEncounter(store, existing.id);
  }
  const template = input.templateId ? findTemplate(store, input.templateId) : null;
  const now = new Date().toISOString();
  // A visit without an appointment is the opening physician's own (the rendering provider of its charges).
  const ownProvider = store.db.select({ providerId: users.providerId }).from(users).where(eq(users.id, user.id)).get()?.providerId ?? null;
  const id = store.capture.mutate((w) => {
    if (appointment && (appointment.status === 'booked' || appointment.status === 'arrived')) {
      // Rooming is a convenience of opening the chart: an appointment that cannot be roomed (another day, a
      // room taken) leaves its status alone, and the savepoint of the nested write undoes any part of it.
      try {
        const roomed = schedulingHandlers['appointments.setStatus']({ id: appointment.id, status: 'in_room', reason: null }, ctx);
        // Inside a transaction every write must be synchronous: a promise here would commit half an encounter.
        if (roomed instanceof Promise) throw new Error('appointments.setStatus must stay synchronous');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
    const encounterId = w.insert(encounters, {
      patientId,
      appointmentId: appointment?.id ?? null,
      providerId: appointment?.providerId ?? ownProvider,
      openedBy: user.id,
      startedAt: now,
      kind: input.kind,
      reason: input.reason ?? (appointment ? (listAppointmentTypes(store).find((t) => t.id === appointment.typeId)?.name ?? null) : null),
    });
    w.insert(notes, {
      encounterId,
      patientId,
      authorId: user.id,
      templateId: template?.id ?? null,
      ...(template?.content ?? {}),
      status: 'draft',
    });
    return encounterId;
  });
  return loadEncounter(store, id);
}

export function setDiagnoses(store: Store, input: ParsedInput<'encounters.setDiagnoses'>): EncounterDetail {
  const row = findEncounterRow(store, input.id);
  const note = noteOf(store, row.id);
  if (signaturesOf(store, findNoteRow(store, note.id).id).length > 0) {
    throw new ApiError('CONFLICT', 'The note of this encounter is signed, so its diagnoses can no longer change. Add an addendum instead.');
  }
  const wanted = input.diagnoses.map((d) => ({ code: d.code.replace('.', ''), title: d.title }));
  const codes = wanted.map((d) => d.code);
  if (new Set(codes).size !== codes.length) throw new ApiError('VALIDATION', 'A diagnosis is listed twice. Remove the repeat.');
  const current = store.db
    .select()
    .from(encounterDiagnoses)
    .where(and(eq(encounterDiagnoses.encounterId, row.id), isNull(encounterDiagnoses.deletedAt)))
    .all();
  store.capture.mutate((w) => {
    for (const old of current) if (!codes.includes(old.code)) w.remove(encounterDiagnoses, old.id);
    wanted.forEach((diagnosis, index) => {
      const kept = current.find((old) => old.code === diagnosis.code);
      if (kept) w.update(encounterDiagnoses, kept.id, { rank: index + 1, title: diagnosis.title });
      else w.insert(encounterDiagnoses, { encounterId: row.id, patientId: row.patientId, ...diagnosis, rank: index + 1 });
    });
    if (input.reason !== undefined) w.update(encounters, row.id, { reason: input.reason });
  });
  return loadEncounter(store, row.id);
}
