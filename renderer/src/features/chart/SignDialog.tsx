/**
 * Signing asks first, because it cannot be undone: the note is frozen and
 * later corrections become addenda. The same question, worded for each, locks
 * a nurse's note for co-signature and has a physician co-sign one. The latest
 * typing is saved before a draft is locked, so what is signed is exactly what
 * is on screen; if that save fails nothing is signed. Empty sections are
 * pointed out, not refused.
 */
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, noteSections, sectionLabels, type EncounterDetail, type Note, type NoteContent } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

export type SignMode = 'sign' | 'submit' | 'cosign';

const wording: Record<SignMode, { title: string; action: string; busy: string; explain: string }> = {
  sign: {
    title: 'Sign this note?',
    action: 'Sign note',
    busy: 'Signing…',
    explain: 'A signed note cannot be changed. Anything to correct or add later is written as an addendum, dated and under your name.',
  },
  submit: {
    title: 'Submit for co-signature?',
    action: 'Submit for co-signature',
    busy: 'Submitting…',
    explain: 'The note is locked as it is now, and a physician co-signs it. Anything to correct or add later is written as an addendum.',
  },
  cosign: {
    title: 'Co-sign this note?',
    action: 'Co-sign note',
    busy: 'Co-signing…',
    explain: 'You attest the note exactly as it was submitted. It cannot be changed afterwards; corrections are written as addenda.',
  },
};

interface Props {
  mode: SignMode;
  /** Whose note and which visit, so the right note is signed: "Okafor, Ada — Office visit, Tue 24 Nov 2026, 14:02". */
  what: string;
  noteId: string;
  encounterId: string;
  content: NoteContent;
  open: boolean;
  onClose(): void;
  /** For a draft: save what is typed; true once the core has all of it. */
  flush?: () => Promise<boolean>;
}

export function SignDialog({ mode, what, noteId, encounterId, content, open, onClose, flush }: Props) {
  const queryClient = useQueryClient();
  const sign = useApiMutation('notes.sign');
  const submit = useApiMutation('notes.submitForCosign');
  const form = useServerForm();
  const words = wording[mode];
  const empty = noteSections.filter((section) => content[section].trim() === '').map((section) => sectionLabels[section]);

  async function confirm() {
    await form.run(async () => {
      if (flush && !(await flush())) {
        throw new ApiError(
          'CONFLICT',
          'The latest changes are not saved yet, so the note was not locked. Check the save status, then try again.',
        );
      }
      const note: Note = await (mode === 'submit' ? submit : sign).mutateAsync({ id: noteId });
      // Show the locked note at once; the refetch that follows brings the encounter list up to date.
      queryClient.setQueryData<EncounterDetail>(['encounters.get', { id: encounterId }], (old) => (old ? { ...old, note } : old));
      onClose();
    });
  }

  return (
    <Dialog title={words.title} open={open} onClose={onClose}>
      <p className="chart-sign__what">{what}</p>
      <p>{words.explain}</p>
      {mode !== 'cosign' && empty.length > 0 && empty.length < noteSections.length && (
        <p className="warning-banner">
          {empty.length === 1 ? `${empty[0]} is empty.` : `${empty.join(', ')} are empty.`} Go on anyway, or go back and fill{' '}
          {empty.length === 1 ? 'it' : 'them'} in.
        </p>
      )}
      <ErrorMessage error={form.error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Go back
        </button>
        <button type="button" className="button button--primary" disabled={form.busy} onClick={() => void confirm()}>
          {form.busy ? words.busy : words.action}
        </button>
      </div>
    </Dialog>
  );
}
