/**
 * Patient statements as PDFs: one patient's (from their account, over an
 * optional period) and, for managers, one PDF with a statement for every
 * balance at or above a minimum. The core makes the PDF; this saves it and
 * says what it holds. When nobody owes enough, the core's message says so.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { useReference } from '../../app/reference';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { pdfBlob, saveFile } from '../../ui/files';
import { formatCents, parseMoney } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { clinicToday } from '../billing/billingText';
import './reports.css';

export function PatientStatementButton({ patientId, patientName }: { patientId: string; patientName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Statement (PDF)…
      </button>
      {open && <PatientStatementDialog patientId={patientId} patientName={patientName} onClose={() => setOpen(false)} />}
    </>
  );
}

function PatientStatementDialog({ patientId, patientName, onClose }: { patientId: string; patientName: string; onClose(): void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useServerForm();
  return (
    <Dialog title="Patient statement" open onClose={onClose}>
      <form
        className="statement-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          void form.run(async () => {
            const statement = await api.call('statements.patient', { patientId, ...(from ? { from } : {}), ...(to ? { to } : {}) });
            saveFile(statement.fileName, pdfBlob(statement.pdfBase64));
            setSaved(`Saved ${statement.fileName}. ${patientName} owes ${formatCents(statement.patientDueCents)}.`);
          });
        }}
      >
        <ErrorMessage error={form.error} />
        <p>The statement lists the activity of the period, what the patient owes, what insurance still has to pay, and its age.</p>
        <div className="statement-form__row">
          <TextInput
            label="From (optional)"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={form.fieldError('from')}
            hint="Blank: one month before the end"
          />
          <TextInput
            label="To (optional)"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={form.fieldError('to')}
            hint="Blank: today"
          />
        </div>
        {saved && (
          <div className="success-banner" role="status">
            {saved}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {saved ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy} aria-busy={form.busy}>
            {form.busy ? 'Preparing…' : 'Save statement (PDF)'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function BatchStatementsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Statements for all balances…
      </button>
      {open && <BatchStatementsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function BatchStatementsDialog({ onClose }: { onClose(): void }) {
  const { reference } = useReference();
  const [minimum, setMinimum] = useState('0.01');
  const [asOf, setAsOf] = useState(() => clinicToday(reference?.clinic.timeZone ?? 'UTC'));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useServerForm();
  return (
    <Dialog title="Statements for all balances" open onClose={onClose}>
      <form
        className="statement-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          const minimumCents = parseMoney(minimum);
          if (minimumCents === null) {
            form.fail('Check the smallest balance.', { minimumCents: 'Enter an amount such as 25 or 25.00' });
            return;
          }
          void form.run(async () => {
            const batch = await api.call('statements.batch', { minimumCents, ...(asOf ? { asOf } : {}) });
            saveFile(batch.fileName, pdfBlob(batch.pdfBase64));
            setSaved(
              `Saved ${batch.fileName}: ${batch.statements} statement${batch.statements === 1 ? '' : 's'}, ${formatCents(batch.totalDueCents)} due in all.`,
            );
          });
        }}
      >
        <ErrorMessage error={form.error} />
        <p>One PDF with a statement for every patient who owes at least this much, ready to print and post.</p>
        <div className="statement-form__row">
          <TextInput
            label="Smallest balance"
            inputMode="decimal"
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
            error={form.fieldError('minimumCents')}
            hint="In dollars, e.g. 5.00"
          />
          <TextInput label="As of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} error={form.fieldError('asOf')} />
        </div>
        {form.busy && (
          <div className="statement-form__progress" role="status">
            <progress aria-label="Preparing the statements" />
            Preparing the statements… with many patients this takes a minute.
          </div>
        )}
        {saved && (
          <div className="success-banner" role="status">
            {saved}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {saved ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy} aria-busy={form.busy}>
            {form.busy ? 'Preparing…' : 'Save statements (PDF)'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
