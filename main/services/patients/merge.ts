/**
 * Merging the same person's two records: the duplicate is retired into the
 * surviving record (kept, never deleted, out of search, its appointments shown
 * with the survivor) by setting its merged_into column — one synced write, so
 * the merge reaches every workstation and can be undone the same way.
 */
import { patients } from '../../../db/schema';
import { ApiError } from '../../contract';
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { findPatientRow, loadPatient, survivorOf } from './records';

export const mergeHandlers: Pick<Handlers, 'patients.merge' | 'patients.unmerge'> = {
  'patients.merge': (input, ctx) => {
    const { store } = ctx;
    const user = requireUser(ctx);
    if (input.retiredId === input.survivingId) {
      throw new ApiError('VALIDATION', 'Choose two different records to merge.', { survivingId: 'Choose the other record' });
    }
    const retired = findPatientRow(store, input.retiredId);
    const surviving = findPatientRow(store, input.survivingId);
    if (retired.mergedInto) throw new ApiError('CONFLICT', `Record ${retired.mrn} was already merged into another record.`);
    if (surviving.mergedInto || survivorOf(store, surviving.id) !== surviving.id) {
      throw new ApiError('CONFLICT', `Record ${surviving.mrn} was itself merged into another record: merge into that one instead.`);
    }
    store.capture.mutate((w) =>
      w.update(patients, retired.id, { mergedInto: surviving.id, mergedAt: new Date().toISOString(), mergedBy: user.id }),
    );
    return loadPatient(store, surviving.id);
  },

  'patients.unmerge': (input, { store }) => {
    const row = findPatientRow(store, input.id);
    if (!row.mergedInto) throw new ApiError('CONFLICT', `Record ${row.mrn} is not merged into another record.`);
    store.capture.mutate((w) => w.update(patients, row.id, { mergedInto: null, mergedAt: null, mergedBy: null }));
    return loadPatient(store, row.id);
  },
};
