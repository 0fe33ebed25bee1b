/**
 * The manager's and the desk's corrections to an account, one dialog each:
 * an adjustment or write-off with its reason, a balance moved from an
 * insurer to the patient, a refund of a credit, and the reversal of a whole
 * posting. Each keeps what was typed when the core refuses it and shows why.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { adjustmentReasons, paymentMethodLabels, paymentMethods, type LedgerEntry, type PatientAccount } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Dialog } from '../../ui/Dialog';
import { Select, TextArea, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatDate, formatCents, parseMoney } from '../../ui/format';
import { useServerForm, type ServerForm } from '../../ui/useServerForm';
import { chargeName, clinicToday, kindLabel, payerLabel } from './billingText';

type Method = (typeof paymentMethods)[number];

function useToday(): string {
  const zone = useReference().reference?.clinic.timeZone ?? 'UTC';
  return clinicToday(zone);
}

/** The amount typed, in cents, or null after showing why it is not one. */
function amountOf(text: string, form: ServerForm): number | null {
  const cents = parseMoney(text);
  if (cents === null) form.fail('Type the amount in dollars, e.g. 45 or 45.50.', { amountCents: 'Type dollars, e.g. 45.50' });
  return cents;
}

interface FormDialogProps {
  title: string;
  submitLabel: string;
  form: ServerForm;
  onSubmit(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

function FormDialog({ title, submitLabel, form, onSubmit, onClose, children }: FormDialogProps) {
  return (
    <Dialog title={title} open onClose={onClose}>
      <form
        className="billing-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorMessage error={form.error} />
        {children}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ChargeSelect({
  account,
  value,
  onChange,
  error,
}: {
  account: PatientAccount;
  value: string;
  onChange(id: string): void;
  error?: string;
}) {
  const open = account.charges.filter((c) => c.status === 'posted' && c.balanceCents > 0);
  return (
    <Select label="Charge" value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      {open.map((c) => (
        <option key={c.id} value={c.id}>
          {chargeName(c)} · {formatDate(c.serviceDate)} · owes {formatCents(c.balanceCents)}
        </option>
      ))}
    </Select>
  );
}

interface AccountDialogProps {
  account: PatientAccount;
  payers: string[];
  onClose(): void;
}

const firstOpenCharge = (account: PatientAccount) => account.charges.find((c) => c.status === 'posted' && c.balanceCents > 0)?.id ?? '';

export function AdjustmentDialog({ account, payers, onClose }: AccountDialogProps) {
  const [chargeId, setChargeId] = useState(() => firstOpenCharge(account));
  const [amount, setAmount] = useState('');
  const [reasonCode, setReasonCode] = useState<string>('CO-45');
  const [payer, setPayer] = useState(payers[0] ?? '');
  const [postedOn, setPostedOn] = useState(useToday());
  const [note, setNote] = useState('');
  const post = useApiMutation('adjustments.post');
  const form = useServerForm();

  async function submit() {
    const amountCents = amountOf(amount, form);
    if (amountCents === null) return;
    const input = {
      patientId: account.patientId,
      chargeId,
      amountCents,
      reasonCode,
      payer: payer || undefined,
      postedOn,
      note: note || undefined,
    };
    if (await form.run(() => post.mutateAsync(input))) onClose();
  }

  return (
    <FormDialog title="Adjust or write off" submitLabel="Post adjustment" form={form} onSubmit={submit} onClose={onClose}>
      <ChargeSelect account={account} value={chargeId} onChange={setChargeId} error={form.fieldError('chargeId')} />
      <TextInput
        label="Amount"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint="In dollars"
        error={form.fieldError('amountCents')}
      />
      <Select label="Reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} error={form.fieldError('reasonCode')}>
        {Object.entries(adjustmentReasons).map(([code, label]) => (
          <option key={code} value={code}>
            {code} — {label}
          </option>
        ))}
      </Select>
      <Select label="Whose part" value={payer} onChange={(e) => setPayer(e.target.value)} error={form.fieldError('payer')}>
        {payers.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
        <option value="">Patient</option>
      </Select>
      <TextInput
        label="Date"
        type="date"
        value={postedOn}
        onChange={(e) => setPostedOn(e.target.value)}
        error={form.fieldError('postedOn')}
      />
      <TextInput label="Note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
    </FormDialog>
  );
}

export function TransferDialog({ account, payers, onClose }: AccountDialogProps) {
  const [chargeId, setChargeId] = useState(() => firstOpenCharge(account));
  const [amount, setAmount] = useState('');
  const [fromPayer, setFromPayer] = useState(payers[0] ?? '');
  const [postedOn, setPostedOn] = useState(useToday());
  const post = useApiMutation('balances.transfer');
  const form = useServerForm();

  async function submit() {
    const amountCents = amountOf(amount, form);
    if (amountCents === null) return;
    const input = { patientId: account.patientId, chargeId, amountCents, fromPayer: fromPayer || undefined, postedOn };
    if (await form.run(() => post.mutateAsync(input))) onClose();
  }

  return (
    <FormDialog title="Move balance to patient" submitLabel="Move to patient" form={form} onSubmit={submit} onClose={onClose}>
      <p className="field__hint">What the insurer will not pay (deductible, coinsurance, a denial) becomes the patient’s to pay.</p>
      <ChargeSelect account={account} value={chargeId} onChange={setChargeId} error={form.fieldError('chargeId')} />
      <Select
        label="From"
        value={fromPayer}
        onChange={(e) => setFromPayer(e.target.value)}
        error={form.fieldError('fromPayer') ?? form.fieldError('toPayer')}
      >
        {payers.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
      <TextInput
        label="Amount"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint="In dollars"
        error={form.fieldError('amountCents')}
      />
      <TextInput
        label="Date"
        type="date"
        value={postedOn}
        onChange={(e) => setPostedOn(e.target.value)}
        error={form.fieldError('postedOn')}
      />
    </FormDialog>
  );
}

export function RefundDialog({ account, onClose }: { account: PatientAccount; onClose(): void }) {
  const [amount, setAmount] = useState((account.unappliedCents / 100).toFixed(2));
  const [method, setMethod] = useState<Method>('cheque');
  const [reference, setReference] = useState('');
  const [postedOn, setPostedOn] = useState(useToday());
  const post = useApiMutation('refunds.post');
  const form = useServerForm();

  async function submit() {
    const amountCents = amountOf(amount, form);
    if (amountCents === null) return;
    const input = { patientId: account.patientId, amountCents, method, reference: reference || undefined, postedOn };
    if (await form.run(() => post.mutateAsync(input))) onClose();
  }

  return (
    <FormDialog title="Refund credit" submitLabel="Post refund" form={form} onSubmit={submit} onClose={onClose}>
      <p>The account holds {formatCents(account.unappliedCents)} of credit.</p>
      <TextInput
        label="Amount"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={form.fieldError('amountCents')}
      />
      <Select label="Method" value={method} onChange={(e) => setMethod(e.target.value as Method)} error={form.fieldError('method')}>
        {paymentMethods.map((m) => (
          <option key={m} value={m}>
            {paymentMethodLabels[m]}
          </option>
        ))}
      </Select>
      <TextInput
        label="Reference"
        maxLength={60}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        error={form.fieldError('reference')}
      />
      <TextInput
        label="Date"
        type="date"
        value={postedOn}
        onChange={(e) => setPostedOn(e.target.value)}
        error={form.fieldError('postedOn')}
      />
    </FormDialog>
  );
}

export function ReverseDialog({ entry, account, onClose }: { entry: LedgerEntry; account: PatientAccount; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [postedOn, setPostedOn] = useState(useToday());
  const reverse = useApiMutation('ledger.reverse');
  const form = useServerForm();
  const rows = account.entries.filter((e) => e.groupId === entry.groupId);
  const total = rows.reduce((sum, e) => sum + e.amountCents, 0);
  const what = `${kindLabel(entry.kind).toLowerCase()} of ${formatCents(Math.abs(total))} (${payerLabel(entry.payer)}, ${formatDate(entry.postedOn)})`;

  return (
    <FormDialog
      title="Reverse this posting?"
      submitLabel="Reverse"
      form={form}
      onSubmit={async () => {
        if (await form.run(() => reverse.mutateAsync({ groupId: entry.groupId, reason, postedOn }))) onClose();
      }}
      onClose={onClose}
    >
      <p>
        The {what} is cancelled by opposite rows{rows.length > 1 ? `, all ${rows.length} rows of it` : ''}. The original stays in the
        ledger, marked reversed. This cannot be undone.
      </p>
      <TextArea
        label="Reason"
        required
        rows={2}
        maxLength={300}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.fieldError('reason')}
      />
      <TextInput
        label="Date"
        type="date"
        value={postedOn}
        onChange={(e) => setPostedOn(e.target.value)}
        error={form.fieldError('postedOn')}
      />
    </FormDialog>
  );
}
