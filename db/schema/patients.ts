/** Patients and their insurance policies. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const patients = sqliteTable(
  'patients',
  {
    ...syncColumns,
    mrn: text('mrn').notNull(),
    givenName: text('given_name').notNull(),
    middleName: text('middle_name'),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    sex: text('sex').notNull(),
    /** Plain date YYYY-MM-DD (no time zone). */
    dateOfBirth: text('date_of_birth').notNull(),
    phoneMobile: text('phone_mobile'),
    phoneHome: text('phone_home'),
    email: text('email'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactRelationship: text('emergency_contact_relationship'),
    emergencyContactPhone: text('emergency_contact_phone'),
    preferredLanguage: text('preferred_language'),
    notes: text('notes'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /**
     * Set when this record was found to be a duplicate and merged into another: it is retired (hidden from
     * search, never deleted) and read as the surviving record. Clearing it undoes the merge. Synced like any
     * column, so a merge is itself a reversible, synced event (ARCHITECTURE §3).
     */
    mergedInto: text('merged_into'),
    mergedAt: text('merged_at'),
    /** User id of who merged it. */
    mergedBy: text('merged_by'),
  },
  (t) => [
    index('patients_dob').on(t.dateOfBirth),
    index('patients_mrn').on(t.mrn),
    index('patients_family').on(t.familyName, t.givenName),
    // Every chart read gathers the records merged into a patient: without it, a scan of all patients.
    index('patients_merged_into').on(t.mergedInto),
  ],
);

export const insurancePolicies = sqliteTable(
  'insurance_policies',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** 1 = primary, 2 = secondary, 3 = tertiary. */
    rank: integer('rank').notNull(),
    payerName: text('payer_name').notNull(),
    payerId: text('payer_id'),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    subscriberName: text('subscriber_name'),
    subscriberRelationship: text('subscriber_relationship').notNull().default('self'),
    subscriberDateOfBirth: text('subscriber_date_of_birth'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
  },
  (t) => [index('insurance_patient').on(t.patientId)],
);
