/**
 * Creating or editing one snippet. The core decides what is valid (trigger
 * format, a trigger already taken, placeholders it cannot fill) and its
 * message shows next to the field; what was typed stays until it is saved.
 * Personal or shared is chosen once, when the snippet is created, and only
 * among what the user may do.
 */
import { useState, type FormEvent } from 'react';
import { snippetPlaceholders, type Snippet } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { TextArea, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

interface Props {
  /** The snippet being edited, or null for a new one. */
  snippet: Snippet | null;
  /** Which scopes this user may create in (personal needs chart.write; shared a physician or settings manager). */
  scopes: { personal: boolean; shared: boolean };
  onDone(): void;
}

const PLACEHOLDER_HINT = `Placeholders filled in when inserted: ${Object.keys(snippetPlaceholders)
  .map((p) => `{${p}}`)
  .join(', ')}.`;

export function SnippetForm({ snippet, scopes, onDone }: Props) {
  const [values, setValues] = useState({
    trigger: snippet?.trigger ?? '.',
    title: snippet?.title ?? '',
    body: snippet?.body ?? '',
    shared: snippet?.shared ?? !scopes.personal,
  });
  const save = useApiMutation('snippets.save');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.run(() => save.mutateAsync({ id: snippet?.id, ...values }));
    if (saved) onDone();
  }

  return (
    <form
      className="snippet-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={snippet ? `Edit snippet ${snippet.trigger}` : 'New snippet'}
    >
      <ErrorMessage error={form.error} />
      <div className="snippet-form__row">
        <TextInput
          label="Trigger"
          hint="2–20 letters or digits, e.g. .nrml"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          value={values.trigger}
          onChange={(e) => setValues({ ...values, trigger: e.target.value })}
          error={form.fieldError('trigger')}
        />
        <TextInput
          label="Title"
          autoComplete="off"
          value={values.title}
          onChange={(e) => setValues({ ...values, title: e.target.value })}
          error={form.fieldError('title')}
        />
      </div>
      <TextArea
        label="Text"
        className="snippet-form__body"
        rows={8}
        hint={PLACEHOLDER_HINT}
        value={values.body}
        onChange={(e) => setValues({ ...values, body: e.target.value })}
        error={form.fieldError('body')}
      />
      {!snippet && scopes.personal && scopes.shared && (
        <label className="snippet-form__share">
          <input type="checkbox" checked={values.shared} onChange={(e) => setValues({ ...values, shared: e.target.checked })} />
          Share with the whole clinic (everyone who writes notes can use it)
        </label>
      )}
      {(snippet || !(scopes.personal && scopes.shared)) && (
        <p className="snippet-hint">{values.shared ? 'Shared with the whole clinic.' : 'Personal: only you see it.'}</p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save snippet'}
        </button>
      </div>
    </form>
  );
}
