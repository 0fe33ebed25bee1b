/** Patient registration, search and insurance. */
import { z } from 'zod';
import { Empty, Id, optionalText, PlainDate, requiredText } from './common';
import { method } from './method';

/** How a patient's name is shown everywhere: "Family, Given (Preferred)". */
export function patientDisplayName(p: { givenName: string; familyName: string; preferredName: string | null }): string {
  return `${p.familyName}, ${p.givenName}${p.preferredName ? ` (${p.preferredName})` : ''}`;
}

/** Parses 1980-03-14, 03/14/1980 or 3/14/1980 (US order, the clinic's convention) to YYYY-MM-DD; null if not a real date. */
export function parseDateToken(token: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(token);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const relationships = ['self', 'spouse', 'child', 'other'] as const;

/** Tomorrow in UTC: the latest date that is "today" somewhere; the service checks against the clinic's own date. */
const latestToday = () => new Date(Date.now() + 86400_000).toISOString().slice(0, 10);

export const DateOfBirth = PlainDate.refine((d) => d <= latestToday(), 'Date of birth cannot be in the future').refine(
  (d) => d >= '1900-01-01',
  'Date of birth must be after 1900-01-01',
);

export const Phone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\+?[\d\s().-]+$/.test(v), 'Phone numbers may only contain digits, spaces, + ( ) - .')
  .refine((v) => {
    const digits = v?.replace(/\D/g, '') ?? '';
    return v === null || (digits.length >= 7 && digits.length <= 15);
  }, 'Enter a phone number with 7 to 15 digits');

export const InsurancePolicyInput = z.object({
  id: Id.optional(),
  rank: z.number().int().min(1).max(3),
  payerName: requiredText(120, 'Payer'),
  payerId: optionalText(40, 'Payer id'),
  memberId: requiredText(40, 'Member id'),
  groupNumber: optionalText(40, 'Group number'),
  subscriberName: optionalText(120, 'Subscriber name'),
  subscriberRelationship: z.enum(relationships).default('self'),
  subscriberDateOfBirth: PlainDate.nullish().transform((v) => v ?? null),
});

/*
 * Read shapes are deliberately looser than the input rules: a record saved by
 * another version of Outpost (or before a rule tightened) must still open, so
 * reads check types, not today's validation rules or closed enums.
 */
const Text = z.string();
const MaybeText = z.string().nullable();

export const InsurancePolicy = z.object({
  id: Id,
  rank: z.number().int(),
  payerName: Text,
  payerId: MaybeText,
  memberId: Text,
  groupNumber: MaybeText,
  subscriberName: MaybeText,
  /** Open enum (see relationships). */
  subscriberRelationship: Text,
  subscriberDateOfBirth: MaybeText,
});
export type InsurancePolicy = z.infer<typeof InsurancePolicy>;

export const PatientFields = z.object({
  givenName: requiredText(80, 'First name'),
  middleName: optionalText(80, 'Middle name'),
  familyName: requiredText(80, 'Last name'),
  preferredName: optionalText(80, 'Preferred name'),
  sex: z.enum(sexes, { message: 'Choose the sex recorded for administrative use' }),
  dateOfBirth: DateOfBirth,
  phoneMobile: Phone,
  phoneHome: Phone,
  email: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, 'Enter a valid email address'),
  addressLine1: optionalText(120, 'Address'),
  addressLine2: optionalText(120, 'Address line 2'),
  city: optionalText(80, 'City'),
  region: optionalText(80, 'State / region'),
  postalCode: optionalText(20, 'Postal code'),
  country: optionalText(60, 'Country'),
  emergencyContactName: optionalText(120, 'Emergency contact'),
  emergencyContactRelationship: optionalText(60, 'Relationship'),
  emergencyContactPhone: Phone,
  preferredLanguage: optionalText(40, 'Preferred language'),
  notes: optionalText(2000, 'Notes'),
  insurance: z.array(InsurancePolicyInput).max(3, 'At most three insurance policies').default([]),
});
export type PatientFieldsInput = z.input<typeof PatientFields>;

export const PatientSummary = z.object({
  id: Id,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  sex: z.string(),
  dateOfBirth: z.string(),
  phoneMobile: z.string().nullable(),
  phoneHome: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const Patient = z.object({
  id: Id,
  mrn: Text,
  givenName: Text,
  middleName: MaybeText,
  familyName: Text,
  preferredName: MaybeText,
  /** Open enum (see sexes). */
  sex: Text,
  dateOfBirth: Text,
  phoneMobile: MaybeText,
  phoneHome: MaybeText,
  email: MaybeText,
  addressLine1: MaybeText,
  addressLine2: MaybeText,
  city: MaybeText,
  region: MaybeText,
  postalCode: MaybeText,
  country: MaybeText,
  emergencyContactName: MaybeText,
  emergencyContactRelationship: MaybeText,
  emergencyContactPhone: MaybeText,
  preferredLanguage: MaybeText,
  notes: MaybeText,
  insurance: z.array(InsurancePolicy),
  updatedAt: Text,
  /** Retired as a duplicate of this patient (read that record instead); null for a current record. */
  mergedInto: z.string().nullable().default(null),
  /** Duplicates merged into this record: their appointments are listed here too. */
  mergedFrom: z.array(PatientSummary).default([]),
});
export type Patient = z.infer<typeof Patient>;

export const DuplicateCandidate = z.object({
  patient: PatientSummary,
  reason: z.enum(['same_name_and_dob', 'same_phone']),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const patients = {
  /** Search as you type: name words in any order (prefix, accent/case-insensitive), DOB, phone or MRN. */
  'patients.search': method({
    input: z.object({
      query: z.string().max(100, 'Search is limited to 100 characters'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.array(PatientSummary),
    access: 'patients.read',
  }),
  /** One patient with insurance; remembered in the user's recent patients. */
  'patients.get': method({ input: z.object({ id: Id }), output: Patient, access: 'patients.read' }),
  /** The patients this user opened most recently. */
  'patients.recent': method({ input: Empty, output: z.array(PatientSummary), access: 'patients.read' }),
  /** Possible duplicates of a patient about to be saved (same name + DOB, or same phone). */
  'patients.findDuplicates': method({
    input: z.object({
      givenName: z.string().trim().max(80),
      familyName: z.string().trim().max(80),
      dateOfBirth: z.string().max(10).nullish(),
      phones: z.array(z.string().max(40)).max(3).default([]),
      excludeId: Id.optional(),
    }),
    output: z.array(DuplicateCandidate),
    access: 'patients.read',
  }),
  /** Register a patient. Refused with CONFLICT (listing them) if duplicates exist and were not acknowledged. */
  'patients.create': method({
    input: PatientFields.extend({ acknowledgeDuplicates: z.boolean().default(false) }),
    output: Patient,
    access: 'patients.write',
  }),
  /**
   * The same person registered twice: retire `retiredId` into `survivingId`. The retired record is kept
   * (never deleted), leaves search, and its appointments show with the surviving record. Reversible.
   */
  'patients.merge': method({
    input: z.object({ retiredId: Id, survivingId: Id }).strict(),
    output: Patient,
    access: 'patients.write',
  }),
  /** Undo a merge: the retired record becomes a patient of its own again. */
  'patients.unmerge': method({ input: z.object({ id: Id }).strict(), output: Patient, access: 'patients.write' }),
  /** Change a patient's details and insurance (policies left out are removed). */
  'patients.update': method({
    input: PatientFields.extend({
      id: Id,
      acknowledgeDuplicates: z.boolean().default(false),
      /** The record's updatedAt when the form was opened: refused with CONFLICT if someone saved it since. */
      expectedUpdatedAt: z.string().max(40).optional(),
    }),
    output: Patient,
    access: 'patients.write',
  }),
};
