/** The conflicts inbox: clashes made by workstations working offline at the same time, each resolved by a person. */
import { z } from 'zod';
import { User } from './accounts';
import { Id } from './common';
import { method } from './method';
import { PatientSummary } from './patients';
import { Appointment } from './scheduling';

export const conflictResolutions = [
  'kept_both',
  'rebooked',
  'different_people',
  'same_person',
  'renamed',
  'restored',
  'kept_deleted',
  'unmerged',
  'reviewed',
] as const;
export type ConflictResolution = (typeof conflictResolutions)[number];

/** Conflicts about the content of the chart: shown to and settled by clinical staff only. */
export const clinicalConflictKinds: readonly string[] = ['edit_after_sign', 'duplicate_encounter'];

/** Findings about the ledger after a sync: shown to and reviewed by those who manage billing. */
export const billingConflictKinds: readonly string[] = ['posting_before_lock', 'duplicate_posting'];

export const Conflict = z.object({
  id: z.string(),
  /** Open enum: double_booking_provider, double_booking_room, duplicate_patient, duplicate_login, edit_after_delete, edit_after_sign, duplicate_encounter, opposite_merges, posting_before_lock, duplicate_posting, or newer kinds. */
  kind: z.string(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolution: z.string().nullable(),
  note: z.string().nullable(),
  /** Still clashing now; false once someone moved or cancelled one of the appointments, or renamed a login. */
  current: z.boolean(),
  /** The provider or room double-booked. */
  resourceName: z.string().nullable(),
  /** For a record deleted on one workstation and edited on another, or a note edited after signing: what it is, in words. */
  detail: z.string().nullable().default(null),
  /** The encounter whose signed note was edited elsewhere (edit_after_sign), to open it in the chart. */
  encounterId: z.string().nullable().default(null),
  appointments: z.array(Appointment),
  patients: z.array(PatientSummary),
  users: z.array(User),
});
export type Conflict = z.infer<typeof Conflict>;

export const conflictsApi = {
  /** Open conflicts first (newest first), then, if asked, resolved ones. */
  'conflicts.list': method({
    input: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    output: z.object({ conflicts: z.array(Conflict) }),
    access: 'conflicts.resolve',
  }),
  'conflicts.resolve': method({
    input: z
      .object({
        id: Id,
        resolution: z.enum(conflictResolutions, { message: 'Choose how this conflict was resolved' }),
        note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
      })
      .strict(),
    output: Conflict,
    access: 'conflicts.resolve',
  }),
};
