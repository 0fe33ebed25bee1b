/**
 * Dialogs of the fee schedules: a new payer schedule, one priced code, and
 * a CSV import that first runs dry (nothing saved) so the manager sees how
 * many codes it creates, changes and leaves alone before confirming. A bad
 * file is refused whole with the line at fault, from the core.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { FeeItem, FeeSchedule } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { moneyInput, parseMoney } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';

const MAX_CSV_BYTES = 5_000_000;

export function ScheduleDialog({ onClose }: { onClose(created: FeeSchedule | null): void }) {
  const [name, setName] = useState('');
  const [payerName, setPayerName] = useState('');
  const save = useApiMutation('feeSchedules.save');
  const form = useServerForm();
  async function submit(event: FormEvent) {
    event.preventDefault();
    let created: FeeSchedule | null = null;
    const ok = await form.run(async () => {
      created = await save.mutateAsync({ name, kind: 'payer', payerName });
    });
    if (ok) onClose(created);
  }
  return (
    <Dialog title="New payer schedule" open onClose={() => onClose(null)}>
      <form className="billing-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <TextInput
          label="Payer"
          required
          maxLength={120}
          hint="As written on the patients’ insurance, e.g. Acme Health"
          value={payerName}
          onChange={(e) => setPayerName(e.target.value)}
          error={form.fieldError('payerName')}
        />
        <TextInput
          label="Schedule name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.fieldError('name')}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Create schedule'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function FeeItemDialog({ scheduleId, item, onClose }: { scheduleId: string; item: FeeItem | null; onClose(): void }) {
  const [code, setCode] = useState(item?.code ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [price, setPrice] = useState(item ? moneyInput(item.priceCents) : '');
  const [active, setActive] = useState(item?.active ?? true);
  const save = useApiMutation('feeSchedules.saveItem');
  const form = useServerForm();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const priceCents = parseMoney(price);
    if (priceCents === null) {
      form.fail('Type the price in dollars, e.g. 125 or 125.00.', { priceCents: 'Type dollars, e.g. 125.00' });
      return;
    }
    if (await form.run(() => save.mutateAsync({ scheduleId, code, description, priceCents, active }))) onClose();
  }
  return (
    <Dialog title={item ? `Edit ${item.code}` : 'Add code'} open onClose={onClose}>
      <form className="billing-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <TextInput
          label="Code"
          required
          maxLength={5}
          className="mono"
          readOnly={Boolean(item)}
          hint="CPT (e.g. 99213) or HCPCS (e.g. G0439)"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={form.fieldError('code')}
        />
        <TextInput
          label="Description"
          required
          maxLength={200}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={form.fieldError('description')}
        />
        <TextInput
          label="Price"
          inputMode="decimal"
          required
          hint="In dollars, e.g. 125.00"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={form.fieldError('priceCents')}
        />
        <label className="billing-check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active (offered on the superbill)
        </label>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save code'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export function ImportCsvDialog({ schedule, onClose }: { schedule: FeeSchedule; onClose(): void }) {
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<Counts | null>(null);
  const [done, setDone] = useState<Counts | null>(null);
  const importCsv = useApiMutation('feeSchedules.importCsv');
  const form = useServerForm();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setDone(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_CSV_BYTES) {
      form.fail('This file is too large for a fee schedule (5 MB at most).');
      return;
    }
    const next = { name: chosen.name, csv: await chosen.text() };
    setFile(next);
    await form.run(async () => setPreview(await importCsv.mutateAsync({ scheduleId: schedule.id, csv: next.csv, dryRun: true })));
  }

  async function confirm() {
    if (!file) return;
    await form.run(async () => setDone(await importCsv.mutateAsync({ scheduleId: schedule.id, csv: file.csv, dryRun: false })));
  }

  const summary = (c: Counts) => `${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged`;
  return (
    <Dialog title={`Import fees into ${schedule.name}`} open onClose={onClose}>
      <div className="billing-form">
        <p className="field__hint">
          A CSV file with the header code,description,price (price in dollars, e.g. 125.00). Codes not in the file stay as they are.
        </p>
        <TextInput label="CSV file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} disabled={form.busy} />
        <ErrorMessage error={form.error} />
        {preview && !done && (
          <p role="status" className="billing-preview">
            {file?.name}: {summary(preview)}. Nothing is saved until you import.
          </p>
        )}
        {done && (
          <p role="status" className="success-banner">
            Imported: {summary(done)}.
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          {!done && (
            <button type="button" className="button button--primary" disabled={!preview || form.busy} onClick={() => void confirm()}>
              {form.busy ? 'Working…' : 'Import'}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
