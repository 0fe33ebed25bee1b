/**
 * Typing in a lab report as it reads on paper: the panel, when the sample
 * was collected (in the clinic's time zone, sent as an instant), the lab, and
 * one row per test, with its LOINC code when the report prints one. A value that reads as a number is flagged and charted;
 * anything else ("negative", "<0.5") is kept as written. There is always one
 * more blank row to type into; blank rows are not sent. The core checks the
 * rest and its refusals show next to the row concerned.
 */
import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { TimeField } from '../../ui/TimeInput';
import { useServerForm, type ServerForm } from '../../ui/useServerForm';
import { localParts } from '../schedule/clinicTime';
import { labRecordInput, sentIndex, type LabDraft, type LabRowDraft } from './resultsText';

let rowCount = 0;
const blankRow = (): LabRowDraft => ({ key: `row-${++rowCount}`, name: '', loinc: '', value: '', unit: '', refLow: '', refHigh: '' });

function blank(zone: string): LabDraft {
  const now = localParts(DateTime.now().toJSDate(), zone);
  return { panel: '', date: now.date, time: now.time, lab: '', rows: [blankRow(), blankRow()] };
}

interface Props {
  patientId: string;
  zone: string;
  open: boolean;
  onClose(): void;
}

export function LabReportDialog({ patientId, zone, open, onClose }: Props) {
  const [draft, setDraft] = useState(() => blank(zone));
  const record = useApiMutation('labs.record');
  const form = useServerForm();
  const setRow = (key: string, change: Partial<LabRowDraft>) =>
    setDraft({ ...draft, rows: draft.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = labRecordInput(patientId, draft, zone);
    if (!built.ok) {
      form.fail(built.message, built.fields);
      return;
    }
    if (await form.run(() => record.mutateAsync(built.input))) {
      setDraft(blank(zone));
      onClose();
    }
  }

  return (
    <Dialog title="Add lab report" open={open} onClose={onClose} wide>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div className="clinical-lab-fields">
          <TextInput
            label="Panel"
            required
            maxLength={120}
            hint="e.g. Basic metabolic panel"
            value={draft.panel}
            onChange={(e) => setDraft({ ...draft, panel: e.target.value })}
            error={form.fieldError('panel')}
          />
          <TextInput
            label="Collected on"
            type="date"
            required
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
            error={form.fieldError('collectedAt')}
          />
          <TimeField label="Time" value={draft.time} onChange={(time) => setDraft({ ...draft, time })} />
          <TextInput
            label="Laboratory"
            maxLength={120}
            value={draft.lab}
            onChange={(e) => setDraft({ ...draft, lab: e.target.value })}
            error={form.fieldError('lab')}
          />
        </div>
        <fieldset className="clinical-lab-rows">
          <legend>Results</legend>
          <div className="clinical-lab-row clinical-lab-row--head" aria-hidden="true">
            <span>Test</span>
            <span>LOINC</span>
            <span>Value</span>
            <span>Unit</span>
            <span>Range low</span>
            <span>Range high</span>
            <span />
          </div>
          {draft.rows.map((row, i) => (
            <LabRow
              key={row.key}
              row={row}
              number={i + 1}
              errorOf={(field) => {
                const sent = sentIndex(draft.rows, row.key);
                return sent === null ? undefined : form.fieldError(`results.${sent}.${field}`);
              }}
              onChange={(change) => setRow(row.key, change)}
              onRemove={draft.rows.length > 1 ? () => setDraft({ ...draft, rows: draft.rows.filter((r) => r.key !== row.key) }) : undefined}
            />
          ))}
          <div>
            <button
              type="button"
              className="button button--small"
              onClick={() => setDraft({ ...draft, rows: [...draft.rows, blankRow()] })}
            >
              Add row
            </button>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save lab report'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface RowProps {
  row: LabRowDraft;
  number: number;
  errorOf: ServerForm['fieldError'];
  onChange(change: Partial<LabRowDraft>): void;
  onRemove?: () => void;
}

/** One test: the column headings are drawn once above, so each box carries its own name and row number for screen readers. */
function LabRow({ row, number, errorOf, onChange, onRemove }: RowProps) {
  const box = (field: 'name' | 'loinc' | 'value' | 'unit' | 'refLow' | 'refHigh', label: string, numeric = false, placeholder?: string) => {
    const error = errorOf(field);
    return (
      <span className="clinical-lab-cell">
        <input
          aria-label={`${label}, row ${number}`}
          aria-invalid={Boolean(error)}
          inputMode={numeric ? 'decimal' : undefined}
          placeholder={placeholder}
          autoComplete="off"
          value={row[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
        {error && (
          <span className="field__error" role="alert">
            {error}
          </span>
        )}
      </span>
    );
  };
  return (
    <div className="clinical-lab-row">
      {box('name', 'Test')}
      {box('loinc', 'LOINC', false, 'e.g. 2345-7')}
      {box('value', 'Value')}
      {box('unit', 'Unit')}
      {box('refLow', 'Range low', true)}
      {box('refHigh', 'Range high', true)}
      {onRemove ? (
        <button type="button" className="button button--ghost button--small" aria-label={`Remove row ${number}`} onClick={onRemove}>
          ×
        </button>
      ) : (
        <span />
      )}
    </div>
  );
}
