/**
 * Hand-over of what the desk typed into a search to the registration form, so
 * "no match -> Register new patient" does not make them type it all again.
 * Only unambiguous pieces are carried: "Family, Given", a lone word as the
 * family name, a date of birth, a phone number. Taken once, then forgotten.
 */
export interface RegistrationDraft {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  phoneMobile?: string;
}

let pending: RegistrationDraft | null = null;

function parseDate(token: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(token);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (!parts) return null;
  const [year = '', month = '', day = ''] = parts;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

function capitalise(word: string): string {
  return word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

export function draftFromSearch(text: string): RegistrationDraft {
  const draft: RegistrationDraft = {};
  const names: string[] = [];
  let sawComma = false;
  for (const raw of text.trim().split(/\s+/)) {
    if (!raw) continue;
    const date = parseDate(raw);
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
