/**
 * Seeding the shipped primary care codes into a clinic. Called where a clinic
 * is created (first-run setup, the demo clinic), never where a workstation
 * joins one: those get the codes by sync. Safe to call again at any time —
 * only codes the clinic lacks are written, so an update that ships more codes
 * adds just those, and a title a manager's CMS import has updated is kept.
 */
import type { Store } from '../store';
import { CURATED_RELEASE, PRIMARY_CARE_TSV } from './icd10cm-primary-care';
import type { ParsedCode } from './parse';
import { insertMissingCodes } from './write';

/** The shipped list, parsed once. */
export const primaryCareCodes: readonly ParsedCode[] = PRIMARY_CARE_TSV.split('\n')
  .filter((line) => line.length > 0)
  .map((line) => {
    const [code = '', title = ''] = line.split('\t');
    return { code, title, billable: true };
  });

/** Insert the shipped codes this clinic does not have yet; returns how many were added. */
export function seedPrimaryCareCodes(store: Store): number {
  return store.capture.mutate((w) => insertMissingCodes(w, store, primaryCareCodes, CURATED_RELEASE));
}
