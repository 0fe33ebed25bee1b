/**
 * Who may do what with snippets (checked here, in the core, for every call):
 * - the list is for those who write notes (chart.write) and those who manage
 *   the clinic's settings (settings.manage, to curate the shared ones);
 * - a personal snippet belongs to its owner alone, who writes in the chart;
 * - a shared snippet may be created by a physician (notes.sign) or a settings
 *   manager, and edited or deleted by any settings manager or the physician
 *   who created it; the shipped defaults only by settings managers.
 */
import { ApiError, can } from '../../contract';
import type { SessionUser } from '../handler';

export interface SnippetOwnership {
  ownerId: string | null;
  createdBy: string | null;
  builtIn: boolean;
}

export function assertMayUseSnippets(user: SessionUser): void {
  if (!can(user.role, 'chart.write') && !can(user.role, 'settings.manage')) {
    throw new ApiError('FORBIDDEN', 'Snippets are for those who write notes. Ask a physician or nurse.');
  }
}

export function mayEdit(user: SessionUser, snippet: SnippetOwnership): boolean {
  if (snippet.ownerId !== null) return snippet.ownerId === user.id && can(user.role, 'chart.write');
  if (can(user.role, 'settings.manage')) return true;
  return !snippet.builtIn && snippet.createdBy === user.id && can(user.role, 'notes.sign');
}

export function assertMayCreate(user: SessionUser, shared: boolean): void {
  if (shared && !can(user.role, 'settings.manage') && !can(user.role, 'notes.sign')) {
    throw new ApiError(
      'FORBIDDEN',
      'Only physicians and those who manage the clinic settings can share a snippet with the clinic. Save it as a personal snippet instead.',
    );
  }
  if (!shared && !can(user.role, 'chart.write')) {
    throw new ApiError('FORBIDDEN', 'Personal snippets are for those who write notes. Share this one with the clinic instead.');
  }
}

export function assertMayEdit(user: SessionUser, snippet: SnippetOwnership): void {
  if (mayEdit(user, snippet)) return;
  const why =
    snippet.ownerId !== null
      ? 'It is someone else’s personal snippet.'
      : snippet.builtIn
        ? 'Only those who manage the clinic settings can change the snippets Outpost ships with.'
        : 'Only the physician who shared it and those who manage the clinic settings can change it.';
  throw new ApiError('FORBIDDEN', `You cannot change this snippet. ${why} Make your own copy instead.`);
}
