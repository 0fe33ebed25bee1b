/** Note snippets: listed, saved and deleted per user (see access.ts for who may change what). */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { deleteSnippet, listSnippets, saveSnippet } from './service';

export const snippetHandlers: Pick<Handlers, 'snippets.list' | 'snippets.save' | 'snippets.delete'> = {
  'snippets.list': (_input, ctx) => ({ snippets: listSnippets(ctx.store, requireUser(ctx)) }),
  'snippets.save': (input, ctx) => saveSnippet(ctx.store, requireUser(ctx), input),
  'snippets.delete': (input, ctx) => {
    deleteSnippet(ctx.store, requireUser(ctx), input.id);
    return { ok: true };
  },
};
