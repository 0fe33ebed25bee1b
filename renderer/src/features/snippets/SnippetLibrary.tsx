/**
 * The snippet library: your personal snippets and the clinic's shared ones,
 * each with its trigger and the start of its text, and editing, creating and
 * deleting where the user may (the core decides; canEdit only spares
 * offering what it would refuse). Deleting asks first and names the snippet.
 * Used in the note editor's "Manage snippets" dialog and in the admin screen.
 */
import { useState } from 'react';
import type { Snippet } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { SnippetForm } from './SnippetForm';
import { previewOf } from './snippetText';
import './snippets.css';

export function SnippetLibrary() {
  const session = useSession();
  const list = useApi('snippets.list', {});
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Snippet | null>(null);
  const scopes = {
    personal: session.can('chart.write'),
    shared: session.can('settings.manage') || session.can('notes.sign'),
  };

  if (list.isPending) return <Loading label="Loading snippets…" />;
  if (list.error) return <ErrorMessage error={list.error} />;
  if (editing) return <SnippetForm snippet={editing === 'new' ? null : editing} scopes={scopes} onDone={() => setEditing(null)} />;

  const { snippets } = list.data;
  const personal = snippets.filter((s) => !s.shared);
  const shared = snippets.filter((s) => s.shared);
  const group = (title: string, items: Snippet[], empty: string) => (
    <section className="snippet-group" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ul className="snippet-rows">
          {items.map((snippet) => (
            <li key={snippet.id} className="snippet-row">
              <span className="snippet-row__trigger">
                <span className="snippet-trigger">{snippet.trigger}</span>
              </span>
              <div className="snippet-row__main">
                <span className="snippet-row__title">{snippet.title}</span>
                {snippet.builtIn && <span className="badge snippet-badge">Default</span>}
                <div className="snippet-row__preview">{previewOf(snippet.body, 110)}</div>
              </div>
              {snippet.canEdit && (
                <div className="snippet-row__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${snippet.trigger} ${snippet.title}`}
                    onClick={() => setEditing(snippet)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Delete ${snippet.trigger} ${snippet.title}`}
                    onClick={() => setDeleting(snippet)}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="snippet-library">
      <div className="snippet-library__intro">
        <p>Type a trigger in a note and press Space or Tab to insert its text, or press Ctrl+. to choose from the list.</p>
        {(scopes.personal || scopes.shared) && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            New snippet
          </button>
        )}
      </div>
      {deleting && <DeleteConfirm snippet={deleting} onDone={() => setDeleting(null)} />}
      {scopes.personal && group('Your snippets', personal, 'No personal snippets yet.')}
      {group('Shared with the clinic', shared, 'The clinic shares no snippets.')}
    </div>
  );
}

function DeleteConfirm({ snippet, onDone }: { snippet: Snippet; onDone(): void }) {
  const remove = useApiMutation('snippets.delete');
  const form = useServerForm();
  return (
    <div className="snippet-confirm" role="alertdialog" aria-label={`Delete ${snippet.trigger}`}>
      <ErrorMessage error={form.error} />
      <p>
        Delete <strong>{snippet.title}</strong> ({snippet.trigger})?
        {snippet.shared ? ' It is removed for everyone in the clinic.' : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button" autoFocus onClick={onDone}>
          Keep it
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={form.busy}
          onClick={() => void form.run(() => remove.mutateAsync({ id: snippet.id })).then((ok) => ok && onDone())}
        >
          Delete snippet
        </button>
      </div>
    </div>
  );
}
