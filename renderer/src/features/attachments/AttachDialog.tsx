/**
 * Attaching a file: pick it (the title starts as its name), optionally link
 * it to one of the patient's encounters, and send it. What the browser can
 * tell at once (no file, a kind Outpost does not attach, too large) is said
 * before anything is read or sent; the core checks the content itself and its
 * refusal (a renamed file, a damaged DICOM) shows here with the file still
 * chosen, so nothing typed is lost.
 */
import { useState, type FormEvent } from 'react';
import { MAX_ATTACHMENT_BYTES, type AttachmentCategory } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Field, Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { ACCEPTED_FILES, categoryChoices, mediaTypeOf, sizeText, titleFromFileName } from './attachmentsText';

interface Props {
  patientId: string;
  zone: string;
  open: boolean;
  onClose(): void;
}

export function AttachDialog({ patientId, zone, open, onClose }: Props) {
  return (
    <Dialog title="Attach a file" open={open} onClose={onClose}>
      <AttachForm patientId={patientId} zone={zone} onClose={onClose} />
    </Dialog>
  );
}

/** The file as base64, without the data-URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

function AttachForm({ patientId, zone, onClose }: Omit<Props, 'open'>) {
  const form = useServerForm();
  const add = useApiMutation('attachments.add');
  const encounters = useApi('encounters.list', { patientId });
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [encounterId, setEncounterId] = useState('');
  const [category, setCategory] = useState<AttachmentCategory | ''>('');
  const [fileError, setFileError] = useState<string | undefined>();

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(undefined);
    if (!chosen) return;
    if (!title.trim()) setTitle(titleFromFileName(chosen.name));
    if (!mediaTypeOf(chosen)) setFileError('Outpost attaches PDF, JPEG, PNG, TIFF, DICOM and plain text files. Convert the file first.');
    else if (chosen.size > MAX_ATTACHMENT_BYTES) {
      setFileError(`This file is ${sizeText(chosen.size)}; attachments can be at most 25 MB. Scan at a lower resolution or split it.`);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const mediaType = file ? mediaTypeOf(file) : null;
    if (!file || !mediaType || fileError) {
      form.fail(fileError ?? 'Choose the file to attach.', { content: fileError ?? 'Choose a file' });
      return;
    }
    let content: string;
    try {
      content = await readBase64(file);
    } catch {
      form.fail('The file could not be read. Check it is still where it was, then choose it again.', { content: 'Unreadable' });
      return;
    }
    const saved = await form.run(() =>
      add.mutateAsync({
        patientId,
        encounterId: encounterId || null,
        title,
        fileName: file.name,
        mediaType,
        category: category || undefined,
        content,
      }),
    );
    if (saved) onClose();
  }

  const contentError = fileError ?? form.fieldError('content') ?? form.fieldError('mediaType');
  return (
    <form className="clinical-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <Field label="File" error={contentError} hint="PDF, JPEG, PNG, TIFF, DICOM or plain text; up to 25 MB.">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-autofocus
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <TextInput
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={form.fieldError('title')}
      />
      <div className="attachment-form-row">
        <Select
          label="Category"
          value={category}
          onChange={(e) => setCategory(categoryChoices.find((choice) => choice.value === e.target.value)?.value ?? '')}
          hint="Automatic: by the kind of file."
          error={form.fieldError('category')}
        >
          <option value="">Automatic</option>
          {categoryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
        <Select
          label="Encounter"
          value={encounterId}
          onChange={(e) => setEncounterId(e.target.value)}
          disabled={encounters.isPending}
          error={form.fieldError('encounterId')}
        >
          <option value="">{encounters.isPending ? 'Loading encounters…' : 'Not linked to an encounter'}</option>
          {(encounters.data?.encounters ?? []).map((encounter) => (
            <option key={encounter.id} value={encounter.id}>
              {formatDateTime(encounter.startedAt, zone)}
              {encounter.reason ? ` · ${encounter.reason}` : ''}
            </option>
          ))}
        </Select>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Attaching…' : 'Attach'}
        </button>
      </div>
    </form>
  );
}
