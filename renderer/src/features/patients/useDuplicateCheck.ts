/**
 * The "already registered?" look-up run while the desk types (on blur of
 * name, date of birth and phones). Advisory only: the core repeats the check
 * on save and refuses unacknowledged duplicates, so a failed look-up is
 * ignored rather than shown.
 */
import { useState } from 'react';
import type { DuplicateCandidate } from '../../../../main/contract';
import { api } from '../../api/client';
import type { PatientFormValues } from './patientForm';

/** What to ask for these values, or null when there is nothing to compare yet. */
function duplicateQuery(v: PatientFormValues, excludeId: string | undefined) {
  const givenName = v.givenName.trim().slice(0, 80);
  const familyName = v.familyName.trim().slice(0, 80);
  const dateOfBirth = /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? v.dateOfBirth : null;
  const phones = [v.phoneMobile, v.phoneHome].filter(
    (p): p is string => typeof p === 'string' && p.length <= 40 && p.replace(/\D/g, '').length >= 7,
  );
  if (!(givenName && familyName && dateOfBirth) && phones.length === 0) return null;
  return { givenName, familyName, dateOfBirth, phones, excludeId };
}

export function useDuplicateCheck(getValues: () => PatientFormValues, excludeId: string | undefined) {
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);

  async function check() {
    const query = duplicateQuery(getValues(), excludeId);
    if (!query) {
      setDuplicates([]);
      return;
    }
    try {
      const found = await api.call('patients.findDuplicates', query);
      // An answer for values changed meanwhile is dropped: the next blur asks again.
      if (JSON.stringify(duplicateQuery(getValues(), excludeId)) === JSON.stringify(query)) setDuplicates(found);
    } catch {
      // Not fatal: saving runs the same check and refuses if needed.
    }
  }

  return { duplicates, setDuplicates, check };
}
