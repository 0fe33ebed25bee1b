/**
 * SOAP notes: a draft autosaves section by section; signing copies the content
 * into an append-only signature row and the note never changes again; what is
 * learnt later goes into addenda.
 */
import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { noteAddenda, notes, noteSignatures, users } from '../../../db/schema';
import { ApiError, noteSections, type Note, type NoteContent } from '../../contract';
import type { SessionUser } from '../handler';
import type { Store } from '../store';

export type NoteRow = typeof notes.$inferSelect;
type SignatureRow = typeof noteSignatures.$inferSelect;

export function contentOf(row: NoteContent): NoteContent {
  return { subjective: row.subjective, objective: row.objective, assessment: row.assessment, plan: row.plan };
}

/** Stable across workstations: the four sections in a fixed order. */
export function contentHash(content: NoteContent): string {
  return createHash('sha256')
    .update(JSON.stringify(noteSections.map((section) => content[section])))
    .digest('hex');
}

/** A signature's content as stored; a row from a newer version that does not parse reads as empty sections. */
export function signedContent(row: SignatureRow): NoteContent {
  try {
    const parsed = JSON.parse(row.content) as Partial<Record<string, unknown>>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return {
      subjective: text(parsed.subjective),
      objective: text(parsed.objective),
      assessment: text(parsed.assessment),
      plan: text(parsed.plan),
    };
  } catch {
    return { subjective: '', objective: '', assessment: '', plan: '' };
  }
}

/** Signatures of a note, the first one (by time, then id: the same on every workstation) being the note's signed content. */
export function signaturesOf(store: Store, noteId: string): SignatureRow[] {
  return store.db
    .select()
    .from(noteSignatures)
    .where(eq(noteSignatures.noteId, noteId))
    .orderBy(asc(noteSignatures.signedAt), asc(noteSignatures.id))
    .all();
}

export function findNoteRow(store: Store, id: string): NoteRow {
  const row = store.db.select().from(notes).where(eq(notes.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', 'That note was not found. Reopen the chart.', { id: 'Unknown note' });
  return row;
}

export function namesOf(store: Store, ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = store.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique)).all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Signed once a physician signed or co-signed; awaiting co-signature when only a supervised author (a nurse)
 * submitted it. Either way its content is locked from the first signature on.
 */
export function statusOf(roles: string[], draftStatus: string): string {
  if (roles.some((role) => role !== 'submitted')) return 'signed';
  return roles.length > 0 ? 'awaiting_cosign' : draftStatus;
}

export function loadNote(store: Store, row: NoteRow): Note {
  const signatures = signaturesOf(store, row.id);
  const addenda = store.db
    .select()
    .from(noteAddenda)
    .where(eq(noteAddenda.noteId, row.id))
    .orderBy(asc(noteAddenda.writtenAt), asc(noteAddenda.id))
    .all();
  const names = namesOf(store, [row.authorId, ...signatures.map((s) => s.signerId), ...addenda.map((a) => a.authorId)]);
  const name = (id: string) => names.get(id) ?? 'Unknown user';
  const [primary] = signatures;
  return {
    id: row.id,
    encounterId: row.encounterId,
    authorName: name(row.authorId),
    status: statusOf(
      signatures.map((s) => s.role),
      row.status,
    ),
    content: primary ? signedContent(primary) : contentOf(row),
    updatedAt: row.updatedAt,
    signatures: signatures.map((s) => ({ id: s.id, signerName: name(s.signerId), signedAt: s.signedAt, role: s.role })),
    addenda: addenda.map((a) => ({ id: a.id, authorName: name(a.authorId), writtenAt: a.writtenAt, text: a.text, kind: a.kind })),
  };
}

function refuseIfSigned(store: Store, row: NoteRow, doing: string): void {
  const [primary] = signaturesOf(store, row.id);
  if (!primary) return;
  const signer = namesOf(store, [primary.signerId]).get(primary.signerId) ?? 'another user';
  const what = primary.role === 'submitted' ? 'submitted for co-signature' : 'signed';
  throw new ApiError('CONFLICT', `This note was ${what} by ${signer}, so it can no longer be ${doing}. Add an addendum instead.`);
}

export function saveDraft(store: Store, user: SessionUser, id: string, patch: Partial<NoteContent>): string {
  const row = findNoteRow(store, id);
  refuseIfSigned(store, row, 'edited');
  const changed = noteSections.filter((section) => patch[section] !== undefined && patch[section] !== row[section]);
  if (changed.length === 0) return row.updatedAt;
  store.capture.mutate((w) =>
    w.update(notes, id, {
      ...Object.fromEntries(changed.map((section) => [section, patch[section]])),
      lastEditedBy: user.id,
      lastEditedAt: new Date().toISOString(),
    }),
  );
  return findNoteRow(store, id).updatedAt;
}

function insertSignature(store: Store, user: SessionUser, row: NoteRow, role: 'author' | 'submitted'): Note {
  const content = contentOf(row);
  if (noteSections.every((section) => content[section].trim() === '')) {
    throw new ApiError('VALIDATION', 'The note is empty. Write at least one section before signing.');
  }
  store.capture.mutate((w) => {
    w.insert(noteSignatures, {
      noteId: row.id,
      signerId: user.id,
      signedAt: new Date().toISOString(),
      role,
      content: JSON.stringify(content),
      contentHash: contentHash(content),
    });
    w.update(notes, row.id, { status: role === 'author' ? 'signed' : 'awaiting_cosign' });
  });
  return loadNote(store, findNoteRow(store, row.id));
}

/** Sign a draft, or co-sign a note a supervised author submitted (attesting exactly what was submitted). */
export function signNote(store: Store, user: SessionUser, id: string): Note {
  const row = findNoteRow(store, id);
  const signatures = signaturesOf(store, id);
  const [submitted] = signatures;
  if (submitted && signatures.every((s) => s.role === 'submitted')) {
    store.capture.mutate((w) => {
      w.insert(noteSignatures, {
        noteId: id,
        signerId: user.id,
        signedAt: new Date().toISOString(),
        role: 'cosigner',
        content: submitted.content,
        contentHash: submitted.contentHash,
      });
      w.update(notes, id, { status: 'signed' });
    });
    return loadNote(store, findNoteRow(store, id));
  }
  refuseIfSigned(store, row, 'signed again');
  return insertSignature(store, user, row, 'author');
}

/** A nurse's note is locked and waits for a physician's co-signature. */
export function submitForCosign(store: Store, user: SessionUser, id: string, canSign: boolean): Note {
  if (canSign) throw new ApiError('VALIDATION', 'You can sign this note yourself: use "Sign note".');
  const row = findNoteRow(store, id);
  refuseIfSigned(store, row, 'submitted again');
  return insertSignature(store, user, row, 'submitted');
}

export function addAddendum(store: Store, user: SessionUser, noteId: string, text: string): Note {
  const row = findNoteRow(store, noteId);
  if (signaturesOf(store, noteId).length === 0) {
    throw new ApiError('CONFLICT', 'This note is still a draft: change it directly. Addenda are for signed notes.');
  }
  store.capture.mutate((w) =>
    w.insert(noteAddenda, { noteId, authorId: user.id, writtenAt: new Date().toISOString(), text, kind: 'addendum' }),
  );
  return loadNote(store, row);
}
