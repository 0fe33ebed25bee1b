/**
 * Snippets as one user sees them: their personal ones and the clinic's
 * shared ones (the shipped defaults unless the clinic edited or deleted
 * them). A trigger is unique per owner, checked here on save; a personal
 * snippet may reuse a shared trigger and then wins in that user's notes.
 */
import { eq, isNull, or } from 'drizzle-orm';
import { snippets } from '../../../db/schema';
import { ApiError, type ParsedInput } from '../../contract';
import type { Snippet } from '../../contract/snippets';
import type { SessionUser } from '../handler';
import type { Store } from '../store';
import { assertMayCreate, assertMayEdit, assertMayUseSnippets, mayEdit } from './access';
import { defaultSnippets } from './defaults';

interface Visible {
  id: string;
  ownerId: string | null;
  createdBy: string | null;
  builtIn: boolean;
  trigger: string;
  title: string;
  body: string;
  /** A row exists for it (false only for an untouched default). */
  stored: boolean;
}

const builtInIds = new Set(defaultSnippets.map((s) => s.id));

/** The user's and the clinic's live snippets. */
function visibleSnippets(store: Store, user: SessionUser): Visible[] {
  const rows = store.db
    .select()
    .from(snippets)
    .where(or(isNull(snippets.ownerId), eq(snippets.ownerId, user.id)))
    .all();
  // A row under a default's id, even a deleted one, is the clinic's decision about that default.
  const decided = new Set(rows.map((r) => r.id));
  const defaults = defaultSnippets
    .filter((s) => !decided.has(s.id))
    .map((s) => ({ ...s, ownerId: null, createdBy: null, builtIn: true, stored: false }));
  const live = rows
    .filter((r) => r.deletedAt === null)
    .map((r) => ({
      id: r.id,
      ownerId: r.ownerId,
      createdBy: r.createdBy,
      builtIn: builtInIds.has(r.id),
      trigger: r.trigger,
      title: r.title,
      body: r.body,
      stored: true,
    }));
  return [...defaults, ...live];
}

function toSnippet(user: SessionUser, s: Visible): Snippet {
  return {
    id: s.id,
    trigger: s.trigger,
    title: s.title,
    body: s.body,
    shared: s.ownerId === null,
    builtIn: s.builtIn,
    canEdit: mayEdit(user, s),
  };
}

export function listSnippets(store: Store, user: SessionUser): Snippet[] {
  assertMayUseSnippets(user);
  return visibleSnippets(store, user)
    .map((s) => toSnippet(user, s))
    .sort((a, b) => a.trigger.localeCompare(b.trigger) || Number(a.shared) - Number(b.shared) || a.title.localeCompare(b.title));
}

function findVisible(store: Store, user: SessionUser, id: string): Visible {
  const found = visibleSnippets(store, user).find((s) => s.id === id);
  if (!found)
    throw new ApiError('NOT_FOUND', 'That snippet no longer exists (it may have been deleted on another workstation).', {
      id: 'Unknown snippet',
    });
  return found;
}

export function saveSnippet(store: Store, user: SessionUser, input: ParsedInput<'snippets.save'>): Snippet {
  assertMayUseSnippets(user);
  const existing = input.id ? findVisible(store, user, input.id) : null;
  if (existing) {
    assertMayEdit(user, existing);
    if ((existing.ownerId === null) !== input.shared) {
      throw new ApiError(
        'VALIDATION',
        existing.ownerId === null
          ? 'A shared snippet stays shared. To keep a version for yourself, create a new personal snippet.'
          : 'A personal snippet stays personal. To share it, create a new shared snippet with the same text.',
        { shared: 'Cannot change' },
      );
    }
  } else {
    assertMayCreate(user, input.shared);
  }
  const ownerId = input.shared ? null : user.id;
  const clash = visibleSnippets(store, user).find((s) => s.ownerId === ownerId && s.trigger === input.trigger && s.id !== input.id);
  if (clash) {
    const whose = input.shared ? 'The clinic already shares a snippet' : 'You already have a snippet';
    throw new ApiError(
      'VALIDATION',
      `${whose} with the trigger ${clash.trigger} ("${clash.title}"). Choose another trigger, or edit that snippet instead.`,
      { trigger: `Already used by "${clash.title}"` },
    );
  }
  const values = { trigger: input.trigger, title: input.title, body: input.body };
  const id = store.capture.mutate((w) => {
    if (!existing) return w.insert(snippets, { ...values, ownerId, createdBy: user.id });
    if (!existing.stored) return w.insert(snippets, { id: existing.id, ...values, ownerId: null, createdBy: user.id });
    w.update(snippets, existing.id, values);
    return existing.id;
  });
  return toSnippet(user, { ...(existing ?? { builtIn: false, createdBy: user.id }), id, ownerId, ...values, stored: true });
}

export function deleteSnippet(store: Store, user: SessionUser, id: string): void {
  assertMayUseSnippets(user);
  const existing = findVisible(store, user, id);
  assertMayEdit(user, existing);
  store.capture.mutate((w) => {
    // An untouched default gets its row now, so the deletion reaches every workstation.
    if (!existing.stored) {
      w.insert(snippets, {
        id,
        ownerId: null,
        trigger: existing.trigger,
        title: existing.title,
        body: existing.body,
        createdBy: user.id,
      });
    }
    w.remove(snippets, id);
  });
}
