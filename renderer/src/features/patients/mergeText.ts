/**
 * The words of merging a duplicate record into the surviving one and of
 * undoing it. Both records carry the same name and date of birth, so the MRN
 * is what tells them apart in every sentence.
 */

/** Accessible name of the conflicts inbox button on one side (keeps the visible "Keep this record" first). */
export function keepRecordLabel(mrn: string): string {
  return `Keep this record (${mrn}) and merge the other into it`;
}

/** The confirmation before a merge. */
export function mergeQuestion(retiredMrn: string, survivingMrn: string): string {
  return `Merge MRN ${retiredMrn} into MRN ${survivingMrn}? ${retiredMrn}'s appointments will show under ${survivingMrn}. This can be undone from ${survivingMrn}'s record.`;
}

/** The note a merge leaves on the conflict it resolves, followed by what the person typed (kept under the 500-character limit). */
export function mergeNote(retiredMrn: string, survivingMrn: string, typed = ''): string {
  const merged = `Merged ${retiredMrn} into ${survivingMrn}`;
  const extra = typed.trim();
  return (extra ? `${merged}. ${extra}` : merged).slice(0, 500);
}

/** The confirmation before undoing a merge; the surviving record's MRN may not be known yet. */
export function unmergeQuestion(retiredMrn: string, survivingMrn: string | null): string {
  const into = survivingMrn ? `MRN ${survivingMrn}` : 'the surviving record';
  return `Undo the merge of MRN ${retiredMrn} into ${into}? ${retiredMrn} becomes a record of its own again: it shows in search, with its own appointments.`;
}
