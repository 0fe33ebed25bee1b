/**
 * The chart (physicians and nurses): encounters opened from an appointment or
 * standalone, a SOAP note per encounter that autosaves as it is typed, signing
 * (the note becomes immutable) and addenda, coded diagnoses, note templates.
 */
import { z } from 'zod';
import { Empty, Id, optionalText, requiredText } from './common';
import { method } from './method';
import { PatientSummary } from './patients';

export const noteSections = ['subjective', 'objective', 'assessment', 'plan'] as const;
export type NoteSection = (typeof noteSections)[number];

export const sectionLabels: Record<NoteSection, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
};

/** A section's text: long enough for any real note, bounded so a pasted file cannot bloat the database. */
const SectionText = z.string().max(20_000, 'Keep each section under 20,000 characters');

export const NoteContent = z.object({
  subjective: SectionText,
  objective: SectionText,
  assessment: SectionText,
  plan: SectionText,
});
export type NoteContent = z.infer<typeof NoteContent>;

export const encounterKinds = ['office', 'telephone', 'telehealth', 'home'] as const;
export const encounterKindLabels: Record<(typeof encounterKinds)[number], string> = {
  office: 'Office visit',
  telephone: 'Telephone',
  telehealth: 'Video visit',
  home: 'Home visit',
};

export const Signature = z.object({
  id: Id,
  signerName: z.string(),
  signedAt: z.string(),
  /** Open enum: author, submitted (by a supervised author, awaiting co-signature), cosigner. */
  role: z.string(),
});

export const Addendum = z.object({
  id: Id,
  authorName: z.string(),
  writtenAt: z.string(),
  text: z.string(),
  /** Open enum: addendum (written by a person), late_edit (edits made on another workstation after signing). */
  kind: z.string(),
});
export type Addendum = z.infer<typeof Addendum>;

export const Diagnosis = z.object({ code: z.string(), title: z.string() });
export type Diagnosis = z.infer<typeof Diagnosis>;

export const Note = z.object({
  id: Id,
  encounterId: Id,
  authorName: z.string(),
  /** Open enum: draft, awaiting_cosign, signed. */
  status: z.string(),
  /** What the note says: the draft while it is one, the signed content once signed. */
  content: NoteContent,
  updatedAt: z.string(),
  signatures: z.array(Signature),
  addenda: z.array(Addendum),
});
export type Note = z.infer<typeof Note>;

export const Encounter = z.object({
  id: Id,
  patientId: Id,
  appointmentId: Id.nullable(),
  providerName: z.string().nullable(),
  startedAt: z.string(),
  /** Open enum (see encounterKinds). */
  kind: z.string(),
  reason: z.string().nullable(),
  noteStatus: z.string(),
  diagnoses: z.array(Diagnosis),
});
export type Encounter = z.infer<typeof Encounter>;

export const EncounterDetail = z.object({ encounter: Encounter, note: Note, patient: PatientSummary });
export type EncounterDetail = z.infer<typeof EncounterDetail>;

export const NoteTemplate = z.object({ id: Id, name: z.string(), content: NoteContent });
export type NoteTemplate = z.infer<typeof NoteTemplate>;

const DiagnosisInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/, 'Enter an ICD-10-CM code such as E11.9'),
  title: requiredText(300, 'Diagnosis title'),
});

export const charting = {
  /** A patient's encounters, newest first. */
  'encounters.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ patient: PatientSummary, encounters: z.array(Encounter) }),
    access: 'chart.read',
  }),
  /**
   * Open an encounter with a draft note. From an appointment it is idempotent (the appointment's
   * encounter is returned if it has one) and moves the appointment to "in room".
   */
  'encounters.open': method({
    input: z
      .object({
        patientId: Id,
        appointmentId: Id.nullish(),
        kind: z.enum(encounterKinds, { message: 'Choose the kind of visit' }).default('office'),
        reason: optionalText(200, 'Visit reason'),
        templateId: Id.nullish(),
      })
      .strict(),
    output: EncounterDetail,
    access: 'chart.write',
  }),
  'encounters.get': method({
    input: z.object({ id: Id }).strict(),
    output: EncounterDetail,
    access: 'chart.read',
  }),
  /** Replace the encounter's coded diagnoses (first is the primary). Refused once the note is signed. */
  'encounters.setDiagnoses': method({
    input: z
      .object({
        id: Id,
        reason: optionalText(200, 'Visit reason').optional(),
        diagnoses: z.array(DiagnosisInput).max(12, 'At most 12 diagnoses'),
      })
      .strict(),
    output: EncounterDetail,
    access: 'chart.write',
  }),
  /** Autosave: write the sections that changed. Refused once the note is signed (add an addendum). */
  'notes.save': method({
    input: z.object({ id: Id, content: NoteContent.partial().strict() }).strict(),
    output: z.object({ updatedAt: z.string() }),
    access: 'chart.write',
  }),
  /** Sign a draft, or co-sign a note submitted by a supervised author. */
  'notes.sign': method({
    input: z.object({ id: Id }).strict(),
    output: Note,
    access: 'notes.sign',
  }),
  /** For authors who may not sign (nurses): lock the note and ask a physician to co-sign it. */
  'notes.submitForCosign': method({
    input: z.object({ id: Id }).strict(),
    output: Note,
    access: 'chart.write',
  }),
  'notes.addendum': method({
    input: z.object({ noteId: Id, text: requiredText(20_000, 'Addendum') }).strict(),
    output: Note,
    access: 'chart.write',
  }),
  /** The patient's visit summary as a PDF (signed notes only). */
  'encounters.visitSummary': method({
    input: z.object({ id: Id }).strict(),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
    access: 'chart.read',
  }),
  'noteTemplates.list': method({
    input: Empty,
    output: z.object({ templates: z.array(NoteTemplate) }),
    access: 'chart.read',
  }),
};
