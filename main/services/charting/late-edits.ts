/**
 * An edit to a note that another workstation signed meanwhile (ARCHITECTURE
 * §4): the nurse on B kept typing in the draft offline while the physician on
 * A signed it. The signed content never changes (it lives in the signature
 * row); what B typed is kept as an addendum credited to its author, and the
 * conflicts inbox says so. The addendum's id is a hash of the note and of the
 * late content, so every workstation that finds it makes the same row.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { noteAddenda, noteSignatures, notes } from '../../../db/schema';
import { noteSections, sectionLabels, type NoteContent } from '../../contract';
import type { Clash } from '../conflicts/detect';
import type { Store } from '../store';
import { contentHash, contentOf, namesOf, signaturesOf, signedContent } from './notes';

/**
 * A hash of everything the addendum row holds: two workstations that derive a different text, author or time
 * (one saw the edits in two batches, another in one) make two rows that merge by union, never one id with two
 * contents — an append-only row cannot be updated by the other's copy.
 */
function lateEditId(noteId: string, row: { authorId: string; writtenAt: string; text: string }): string {
  const digest = createHash('sha256').update(JSON.stringify([noteId, row.authorId, row.writtenAt, row.text]));
  return `late-edit-${digest.digest('hex').slice(0, 32)}`;
}

/** The notes whose rows or signatures remote ops touched. */
export function touchedNotes(store: Store, touched: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const ids = new Set(touched.get('notes') ?? []);
  const signatures = [...(touched.get('note_signatures') ?? [])];
  if (signatures.length > 0) {
    const rows = store.db
      .select({ noteId: noteSignatures.noteId })
      .from(noteSignatures)
      .where(inArray(noteSignatures.id, signatures))
      .all();
    for (const row of rows) ids.add(row.noteId);
  }
  return [...ids];
}

interface LateVersion {
  hash: string;
  content: NoteContent;
  authorId: string;
  at: string;
}

/** Versions of a signed note that its signed content does not include: the draft as edited elsewhere, or a second, different signature. */
function lateVersions(store: Store, noteId: string): { signed: NoteContent; late: LateVersion[] } | null {
  const row = store.db.select().from(notes).where(eq(notes.id, noteId)).get();
  const [primary, ...others] = signaturesOf(store, noteId);
  if (!row || !primary) return null;
  const candidates: LateVersion[] = [
    {
      hash: contentHash(contentOf(row)),
      content: contentOf(row),
      authorId: row.lastEditedBy ?? row.authorId,
      at: row.lastEditedAt ?? row.updatedAt,
    },
    ...others.map((s) => ({ hash: s.contentHash, content: signedContent(s), authorId: s.signerId, at: s.signedAt })),
  ];
  const seen = new Set([primary.contentHash]);
  const late = candidates.filter((c) => !seen.has(c.hash) && seen.add(c.hash));
  return { signed: signedContent(primary), late };
}

function describeChanges(signed: NoteContent, late: NoteContent): string {
  const changed = noteSections.filter((section) => signed[section] !== late[section]);
  const parts = changed.map((section) => `${sectionLabels[section]}:\n${late[section].trim() || '(emptied)'}`);
  return ['Changes typed on another workstation after this note was signed (kept here as they were written):', ...parts].join('\n\n');
}

/** Keep every late edit of the touched notes as an addendum (once: the id is deterministic). */
export function keepLateEdits(store: Store, touched: ReadonlyMap<string, ReadonlySet<string>>): void {
  const fresh: { id: string; noteId: string; version: LateVersion; text: string }[] = [];
  for (const noteId of touchedNotes(store, touched)) {
    const versions = lateVersions(store, noteId);
    for (const version of versions?.late ?? []) {
      const text = describeChanges(versions?.signed ?? version.content, version.content);
      const id = lateEditId(noteId, { authorId: version.authorId, writtenAt: version.at, text });
      const exists = store.db.select({ id: noteAddenda.id }).from(noteAddenda).where(eq(noteAddenda.id, id)).get();
      if (!exists) fresh.push({ id, noteId, version, text });
    }
  }
  if (fresh.length === 0) return;
  store.capture.mutate((w) => {
    for (const { id, noteId, version, text } of fresh) {
      w.insert(noteAddenda, { id, noteId, authorId: version.authorId, writtenAt: version.at, text, kind: 'late_edit' });
    }
  });
}

/** One conflict per late-edit addendum, for a person to review. */
export function editsAfterSign(store: Store, noteId: string): Clash[] {
  return store.db
    .select({ id: noteAddenda.id })
    .from(noteAddenda)
    .where(and(eq(noteAddenda.noteId, noteId), eq(noteAddenda.kind, 'late_edit')))
    .all()
    .map((row) => ({ kind: 'edit_after_sign', subjects: [noteId, row.id], resourceId: null }));
}

/** For the conflicts inbox: whose note, and what happened to the late edit, in words. */
export function describeLateEdit(
  store: Store,
  subjects: string[],
): { detail: string | null; patientIds: string[]; encounterId: string | null } {
  const [noteId, addendumId] = subjects;
  const note = noteId ? store.db.select().from(notes).where(eq(notes.id, noteId)).get() : undefined;
  if (!note) return { detail: null, patientIds: [], encounterId: null };
  const addendum = addendumId ? store.db.select().from(noteAddenda).where(eq(noteAddenda.id, addendumId)).get() : undefined;
  const [primary] = signaturesOf(store, note.id);
  const names = namesOf(store, [addendum?.authorId ?? '', primary?.signerId ?? ''].filter(Boolean));
  const editor = addendum ? (names.get(addendum.authorId) ?? 'someone') : 'someone';
  const signer = primary ? (names.get(primary.signerId) ?? 'another user') : 'another user';
  return {
    detail: `A note signed by ${signer} was edited by ${editor} on another workstation that had not seen the signature yet. The signed note is unchanged; the edits are kept as an addendum to it.`,
    patientIds: [note.patientId],
    encounterId: note.encounterId,
  };
}
