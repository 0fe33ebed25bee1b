/**
 * The chart: encounters, their SOAP notes, signatures and addenda.
 * A draft note is an ordinary synced row (autosaved column by column); signing
 * copies its content into an append-only signature row, so the signed text
 * never changes even if a workstation that had not seen the signature keeps
 * editing the draft offline — that late edit becomes an addendum after the
 * merge (ARCHITECTURE §4).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const encounters = sqliteTable(
  'encounters',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    appointmentId: text('appointment_id'),
    providerId: text('provider_id'),
    /** User id of who opened it. */
    openedBy: text('opened_by').notNull(),
    startedAt: text('started_at').notNull(),
    /** Open enum: office, telephone, … */
    kind: text('kind').notNull().default('office'),
    reason: text('reason'),
  },
  (t) => [index('encounters_patient').on(t.patientId, t.startedAt), index('encounters_appointment').on(t.appointmentId)],
);

export const notes = sqliteTable(
  'notes',
  {
    ...syncColumns,
    encounterId: text('encounter_id').notNull(),
    patientId: text('patient_id').notNull(),
    /** User id of the author. */
    authorId: text('author_id').notNull(),
    templateId: text('template_id'),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    /** Open enum: draft, awaiting_cosign, signed. Only ever moves forward. */
    status: text('status').notNull().default('draft'),
    /** Who typed last and when: a late edit that becomes an addendum is credited to them. */
    lastEditedBy: text('last_edited_by'),
    lastEditedAt: text('last_edited_at'),
  },
  (t) => [index('notes_encounter').on(t.encounterId), index('notes_patient').on(t.patientId)],
);

/** Append-only: the content of a note as it was signed. */
export const noteSignatures = sqliteTable(
  'note_signatures',
  {
    ...syncColumns,
    noteId: text('note_id').notNull(),
    signerId: text('signer_id').notNull(),
    signedAt: text('signed_at').notNull(),
    /** Open enum: author, cosigner. */
    role: text('role').notNull().default('author'),
    /** JSON { subjective, objective, assessment, plan } as signed. */
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [index('note_signatures_note').on(t.noteId)],
);

/** Append-only: corrections and additions to a signed note. */
export const noteAddenda = sqliteTable(
  'note_addenda',
  {
    ...syncColumns,
    noteId: text('note_id').notNull(),
    authorId: text('author_id').notNull(),
    writtenAt: text('written_at').notNull(),
    text: text('text').notNull(),
    /** Open enum: addendum (written by a person), late_edit (draft edits made elsewhere after signing). */
    kind: text('kind').notNull().default('addendum'),
  },
  (t) => [index('note_addenda_note').on(t.noteId)],
);

export const noteTemplates = sqliteTable('note_templates', {
  ...syncColumns,
  name: text('name').notNull(),
  subjective: text('subjective').notNull().default(''),
  objective: text('objective').notNull().default(''),
  assessment: text('assessment').notNull().default(''),
  plan: text('plan').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** The diagnoses of an encounter, coded (ICD-10-CM); the title is copied so a note reads the same if the code set changes. */
export const encounterDiagnoses = sqliteTable(
  'encounter_diagnoses',
  {
    ...syncColumns,
    encounterId: text('encounter_id').notNull(),
    patientId: text('patient_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    rank: integer('rank').notNull().default(1),
  },
  (t) => [index('encounter_diagnoses_encounter').on(t.encounterId)],
);
