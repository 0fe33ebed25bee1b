/**
 * The alerts a prescription would raise, asked for while the name is typed:
 * once per pause in typing, not per letter, keeping the last answer on screen
 * while the next one loads so the alerts do not flicker. The answer is only
 * "settled" when it is for exactly what is in the boxes now.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useApi } from '../../api/hooks';
import { useDebouncedValue } from '../patients/usePatientSearch';

export const CHECK_DEBOUNCE_MS = 350;
/** Fewer letters than this name no drug (and "am" would only match by accident). */
export const MIN_DRUG_NAME = 3;

export function usePrescriptionCheck(patientId: string, name: string, drugClass: string) {
  const typed = { name: name.trim(), drugClass: drugClass.trim() };
  // Each debounced on its own: a string stays equal from render to render, an object would restart the wait every time.
  const query = {
    name: useDebouncedValue(typed.name, CHECK_DEBOUNCE_MS),
    drugClass: useDebouncedValue(typed.drugClass, CHECK_DEBOUNCE_MS),
  };
  const enabled = query.name.length >= MIN_DRUG_NAME;
  const check = useApi(
    'medications.check',
    { patientId, name: query.name, drugClass: query.drugClass || null },
    { enabled, placeholderData: keepPreviousData },
  );
  const current = query.name === typed.name && query.drugClass === typed.drugClass;
  const shown = enabled && typed.name.length >= MIN_DRUG_NAME;
  return {
    /** The last answer, for what was typed a moment ago (undefined before the first). */
    result: shown ? check.data : undefined,
    /** True while the answer on screen may not be for what is typed now. */
    checking: shown && (!current || check.isFetching),
    error: shown ? check.error : null,
    /** The name the answer on screen is for. */
    checkedName: query.name,
  };
}
