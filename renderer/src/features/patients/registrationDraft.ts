/**
 * Hand-over of what the desk typed into a search to the registration form, so
 * "no match -> Register new patient" does not make them type it all again.
 * Only unambiguous pieces are carried: "Family, Given", a lone word as the
 * family name, a date of birth, a phone number. Taken once, then forgotten.
 */
import { parseDateToken } from '../../../../main/contract';

export interface RegistrationDraft {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  phoneMobile?: string;
}

let pending: RegistrationDraft | null = null;

function capitalise(word: string): string {
  return word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

export function draftFromSearch(text: string): RegistrationDraft {
  const draft: RegistrationDraft = {};
  const names: string[] = [];
  let sawComma = false;
  for (const raw of text.trim().split(/\s+/)) {
    if (!raw) continue;
    const date = parseDateToken(raw);
    if (date) draft.dateOfBirth = date;
    else if (/^[\d().+-]+$/.test(raw) && raw.replace(/\D/g, '').length >= 7) draft.phoneMobile = raw;
    else if (/\p{L}/u.test(raw)) {
      if (raw.includes(',')) sawComma = true;
      names.push(...raw.split(',').filter(Boolean));
    }
  }
  if (sawComma && names.length >= 2) {
    draft.familyName = capitalise(names[0] ?? '');
    draft.givenName = names.slice(1).map(capitalise).join(' ');
  } else if (names.length === 1) {
    draft.familyName = capitalise(names[0] ?? '');
  }
  return draft;
}

export function offerRegistrationDraft(text: string): void {
  pending = draftFromSearch(text);
}

/** Forgotten once the current render is over (a StrictMode double render still sees it). */
export function takeRegistrationDraft(): RegistrationDraft | null {
  const draft = pending;
  setTimeout(() => {
    if (pending === draft) pending = null;
  }, 0);
  return draft;
}
