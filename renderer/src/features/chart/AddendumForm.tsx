/**
 * Writing an addendum to a signed note. The text is held by the signed view
 * (so unsaved draft text can be copied in) and cleared only once the
 * addendum is saved; Ctrl+Enter adds it from the keyboard.
 */
import type { FormEvent, KeyboardEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { TextArea } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

interface Props {
  noteId: string;
  text: string;
  onText(text: string): void;
  onAdded(): void;
}

export function AddendumForm({ noteId, text, onText, onAdded }: Props) {
  const addendum = useApiMutation('notes.addendum');
  const form = useServerForm();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) {
      form.fail('Write the addendum first.', { text: 'The addendum is empty' });
      return;
    }
    await form.run(async () => {
      await addendum.mutateAsync({ noteId, text });
      onText('');
      onAdded();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className="chart-addendum-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <TextArea
        label="Addendum"
        hint="Dated and signed with your name when added. Ctrl+Enter adds it."
        value={text}
        rows={4}
        maxLength={20_000}
        error={form.fieldError('text')}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Adding…' : 'Add addendum'}
        </button>
      </div>
    </form>
  );
}
