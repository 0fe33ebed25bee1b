/**
 * How a diagnosis code is identified. The row id is derived from the code so
 * that every workstation seeding or importing the same code writes the same
 * row (one row after the merge, never two to reconcile).
 */
export const ICD10CM = 'icd10cm';

/** 'E119' -> 'icd10cm:E119'. */
export function codeId(code: string): string {
  return `${ICD10CM}:${code}`;
}

/** An ICD-10-CM code without its dot: a letter, a digit, an alphanumeric, then up to four more. */
export const CODE_PATTERN = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/**
 * A code as a person types it ('e11.9', 'E119', 'z00.121', 'E1') in storage
 * form ('E119'), or null when it cannot be (the start of) a code. One or two
 * characters ('E', 'E1') count: they are the start of every code of a chapter.
 */
export function normalizeCode(text: string): string | null {
  const upper = text.trim().toUpperCase();
  const dot = upper.indexOf('.');
  // The dot only ever follows the three-character category.
  if (dot !== -1 && (dot !== 3 || upper.indexOf('.', dot + 1) !== -1)) return null;
  const bare = upper.replace('.', '');
  return /^[A-Z]([0-9]([0-9A-Z]{0,5})?)?$/.test(bare) ? bare : null;
}
