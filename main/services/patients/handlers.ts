/** Patient registration and search. Saves are refused while unacknowledged duplicates exist. */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { insurancePolicies, patients } from '../../../db/schema';
import { ApiError, type PatientFields } from '../../contract';
import { requireUser, type Handlers } from '../handler';
import type { Writer } from '../../sync/mutate';
import type { Store } from '../store';
import { findDuplicates, findPatientRow, loadPatient, nameKey, recentFor, recordUpdatedAt, rememberRecent } from './records';
import { getClinic } from '../settings/reference';
import { DateTime } from 'luxon';
import { searchPatients } from './search';

type Fields = z.output<typeof PatientFields>;

function assertNoDuplicates(store: Store, fields: Fields, acknowledged: boolean, excludeId?: string): void {
  if (acknowledged) return;
  const duplicates = findDuplicates(store, {
    givenName: fields.givenName,
    familyName: fields.familyName,
    dateOfBirth: fields.dateOfBirth,
    phones: [fields.phoneMobile, fields.phoneHome],
    excludeId,
  });
  if (duplicates.length > 0) {
    throw new ApiError(
      'CONFLICT',
      duplicates.length === 1
        ? 'This may be a patient who is already registered. Check the match, or confirm this is a different person.'
        : `This may be one of ${duplicates.length} patients already registered. Check the matches, or confirm this is a different person.`,
      undefined,
      { duplicates },
    );
  }
}

const digits = (phone: string | null) => phone?.replace(/\D/g, '') ?? '';

/** "Today" is the clinic's date, not UTC's: the contract only rules out dates more than a day ahead. */
function assertDateOfBirthNotFuture(store: Store, dateOfBirth: string): void {
  const today = DateTime.now().setZone(getClinic(store).timeZone).toISODate() ?? '';
  if (dateOfBirth > today) {
    throw new ApiError('VALIDATION', 'Date of birth cannot be in the future', { dateOfBirth: 'Date of birth cannot be in the future' });
  }
}

function assertDistinctRanks(fields: Fields): void {
  const ranks = fields.insurance.map((p) => p.rank);
  if (new Set(ranks).size !== ranks.length) {
    throw new ApiError('VALIDATION', 'Each insurance policy needs its own rank (primary, secondary, tertiary).', {
      insurance: 'Two policies have the same rank',
    });
  }
}

function columnsOf(fields: Fields) {
  const { insurance: _insurance, ...columns } = fields;
  return columns;
}

function saveInsurance(w: Writer, store: Store, patientId: string, fields: Fields): void {
  const existing = store.db
    .select({ id: insurancePolicies.id })
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.patientId, patientId), isNull(insurancePolicies.deletedAt)))
    .all()
    .map((p) => p.id);
  const kept = new Set<string>();
  for (const { id, ...policy } of fields.insurance) {
    if (id && existing.includes(id)) {
      w.update(insurancePolicies, id, policy);
      kept.add(id);
    } else if (id) {
      throw new ApiError('NOT_FOUND', 'An insurance policy being edited was removed meanwhile. Reopen the patient and try again.');
    } else {
      w.insert(insurancePolicies, { ...policy, patientId });
    }
  }
  for (const id of existing) if (!kept.has(id)) w.remove(insurancePolicies, id);
}

export const patientHandlers: Handlers<
  'patients.search' | 'patients.get' | 'patients.recent' | 'patients.findDuplicates' | 'patients.create' | 'patients.update'
> = {
  'patients.search': (input, { store }) => searchPatients(store, input.query, input.limit),

  'patients.get': (input, ctx) => {
    const patient = loadPatient(ctx.store, input.id);
    rememberRecent(ctx.store, requireUser(ctx).id, input.id);
    return patient;
  },

  'patients.recent': (_input, ctx) => recentFor(ctx.store, requireUser(ctx).id),

  'patients.findDuplicates': (input, { store }) => findDuplicates(store, input),

  'patients.create': (input, ctx) => {
    const { store } = ctx;
    const { acknowledgeDuplicates, ...fields } = input;
    assertDistinctRanks(fields);
    assertDateOfBirthNotFuture(store, fields.dateOfBirth);
    assertNoDuplicates(store, fields, acknowledgeDuplicates);
    const id = store.capture.mutate((w) => {
      const patientId = w.insert(patients, { ...columnsOf(fields), mrn: store.nextMrn(), active: true });
      saveInsurance(w, store, patientId, fields);
      return patientId;
    });
    rememberRecent(store, requireUser(ctx).id, id);
    return loadPatient(store, id);
  },

  'patients.update': (input, { store }) => {
    const { acknowledgeDuplicates, id, expectedUpdatedAt, ...fields } = input;
    const current = findPatientRow(store, id);
    if (expectedUpdatedAt && recordUpdatedAt(store, current) !== expectedUpdatedAt) {
      throw new ApiError(
        'CONFLICT',
        'Someone else saved this patient while you were editing. Reopen the record to see their changes, then make yours again.',
      );
    }
    assertDistinctRanks(fields);
    assertDateOfBirthNotFuture(store, fields.dateOfBirth);
    // Families share phones: re-check duplicates only when what identifies the patient changed.
    const identityChanged =
      nameKey(current.givenName) !== nameKey(fields.givenName) ||
      nameKey(current.familyName) !== nameKey(fields.familyName) ||
      current.dateOfBirth !== fields.dateOfBirth ||
      digits(current.phoneMobile) !== digits(fields.phoneMobile) ||
      digits(current.phoneHome) !== digits(fields.phoneHome);
    assertNoDuplicates(store, fields, acknowledgeDuplicates || !identityChanged, id);
    store.capture.mutate((w) => {
      w.update(patients, id, columnsOf(fields));
      saveInsurance(w, store, id, fields);
    });
    return loadPatient(store, id);
  },
};
