/**
 * A standalone encounter (a phone call, a visit without an appointment):
 * kind, reason and an optional template to start the note from. What was
 * typed survives closing the dialog (Escape loses nothing) until an
 * encounter is actually opened.
 */
import { useState, type FormEvent } from 'react';
import { encounterKindLabels, encounterKinds } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

type Kind = (typeof encounterKinds)[number];

interface Props {
  patientId: string;
  open: boolean;
  onClose(): void;
  onOpened(encounterId: string): void;
}

const BLANK = { kind: 'office' as Kind, reason: '', templateId: '' };

export function NewEncounterDialog({ patientId, open, onClose, onOpened }: Props) {
  const [values, setValues] = useState(BLANK);
  const templates = useApi('noteTemplates.list', {}, { enabled: open, staleTime: 60_000 });
  const openEncounter = useApiMutation('encounters.open');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.run(async () => {
      const detail = await openEncounter.mutateAsync({
        patientId,
        kind: values.kind,
        reason: values.reason.trim() || null,
        templateId: values.templateId || null,
      });
      setValues(BLANK);
      onClose();
      onOpened(detail.encounter.id);
    });
  }

  return (
    <Dialog title="New encounter" open={open} onClose={onClose}>
      <form className="chart-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <Select
          label="Kind of encounter"
          value={values.kind}
          onChange={(e) => setValues({ ...values, kind: e.target.value as Kind })}
          error={form.fieldError('kind')}
        >
          {encounterKinds.map((kind) => (
            <option key={kind} value={kind}>
              {encounterKindLabels[kind]}
            </option>
          ))}
        </Select>
        <TextInput
          label="Reason for the visit"
          hint="Optional, e.g. “Cough for two weeks”"
          value={values.reason}
          maxLength={200}
          onChange={(e) => setValues({ ...values, reason: e.target.value })}
          error={form.fieldError('reason')}
        />
        <Select
          label="Start the note from"
          value={values.templateId}
          onChange={(e) => setValues({ ...values, templateId: e.target.value })}
          error={form.fieldError('templateId')}
          hint={templates.error ? `Templates could not be loaded: ${templates.error.message}` : undefined}
        >
          <option value="">A blank note</option>
          {templates.data?.templates.map((t) => (
            <option key={t.id} value={t.id}>
              Template: {t.name}
            </option>
          ))}
        </Select>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Opening…' : 'Open encounter'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
