/**
 * Pure helpers of snippet insertion: finding the trigger just typed before
 * the caret, choosing the snippet it names (a personal one before a shared
 * one with the same trigger), filling the placeholders from the chart, and
 * filtering the picker's list. Kept apart from React so they are tested as
 * plain functions.
 */
import { DateTime } from 'luxon';
import type { PatientSummary, Snippet, SnippetPlaceholder } from '../../../../main/contract';
import { formatDate } from '../../ui/format';

export type PlaceholderValues = Record<SnippetPlaceholder, string>;

/** The word ending at the caret (what a trigger would be), with where it starts; null after a space or at the start. */
export function wordBeforeCaret(text: string, caret: number): { word: string; start: number } | null {
  const match = /(\S+)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { word: match[1] ?? '', start: caret - (match[1] ?? '').length };
}

export function snippetForTrigger(snippets: readonly Snippet[], word: string): Snippet | null {
  const trigger = word.toLowerCase();
  const matches = snippets.filter((s) => s.trigger === trigger);
  return matches.find((s) => !s.shared) ?? matches[0] ?? null;
}

/** Placeholders replaced by their values; anything else in braces is left as typed. */
export function fillSnippet(body: string, values: PlaceholderValues): string {
  return body.replace(/\{([^{}\s]{1,40})\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as SnippetPlaceholder] : whole,
  );
}

export function placeholderValues(
  patient: PatientSummary,
  me: string,
  zone: string,
  now: DateTime<true> = DateTime.now(),
): PlaceholderValues {
  const local = now.setZone(zone);
  // The zone was checked when the clinic was set up; an unknown one (from a newer workstation) falls back to this machine's.
  const today = local.isValid ? local : now;
  const date = today.toISODate();
  // Whole years between two calendar days: a birthday counts from the clinic's midnight, not this machine's.
  const age = Math.floor(
    DateTime.fromISO(date, { zone: 'utc' }).diff(DateTime.fromISO(patient.dateOfBirth, { zone: 'utc' }), 'years').years,
  );
  return {
    'patient.firstName': patient.preferredName || patient.givenName,
    'patient.lastName': patient.familyName,
    'patient.age': String(age),
    today: formatDate(date),
    me,
  };
}

/** The picker's list: every word typed must appear in the trigger, title or text; trigger matches first. */
export function filterSnippets(snippets: readonly Snippet[], query: string): Snippet[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = snippets.filter((s) => {
    const haystack = `${s.trigger} ${s.title} ${s.body}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const first = words[0];
  if (!first) return found;
  const rank = (s: Snippet) => (s.trigger.startsWith(first) || s.trigger.startsWith(`.${first}`) ? 0 : 1);
  return [...found].sort((a, b) => rank(a) - rank(b));
}

/** The first line of a snippet's text, for a one-line preview. */
export function previewOf(body: string, max = 90): string {
  const line = body.split('\n', 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
