/**
 * Taking a payment: from the patient at the desk or an insurer's remittance.
 * Without "apply to specific charges" the core pays the oldest charges that
 * payer owes and keeps the rest as a credit; with it, each amount goes to
 * the charge it names (an EOB line by line). Amounts are typed in dollars.
 */
import { useState, type FormEvent } from 'react';
import { paymentMethodLabels, paymentMethods, type PatientAccount } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatCents, parseMoney } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { chargeName, clinicToday } from './billingText';

type Method = (typeof paymentMethods)[number];

interface Props {
  account: PatientAccount;
  /** Insurers the patient has or had; the patient is always offered. */
  payers: string[];
  onClose(): void;
}

export function PaymentDialog({ account, payers, onClose }: Props) {
  const zone = useReference().reference?.clinic.timeZone ?? 'UTC';
  const [amount, setAmount] = useState('');
  const [payer, setPayer] = useState('');
  const [method, setMethod] = useState<Method>('card');
  const [reference, setReference] = useState('');
  const [postedOn, setPostedOn] = useState(() => clinicToday(zone));
  const [note, setNote] = useState('');
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<Record<string, string>>({});
  const post = useApiMutation('payments.post');
  const form = useServerForm();
  const open = account.charges.filter((c) => c.status === 'posted' && c.balanceCents > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amountCents = parseMoney(amount);
    if (amountCents === null) {
      form.fail('Type the amount in dollars, e.g. 45 or 45.50.', { amountCents: 'Type dollars, e.g. 45.50' });
      return;
    }
    const allocations: { chargeId: string; amountCents: number }[] = [];
    for (const charge of applying ? open : []) {
      const text = applied[charge.id]?.trim() ?? '';
      if (!text) continue;
      const cents = parseMoney(text);
      if (cents === null) {
        form.fail(`The amount for ${chargeName(charge)} is not an amount. Type it in dollars, e.g. 45.50.`);
        return;
      }
      if (cents > 0) allocations.push({ chargeId: charge.id, amountCents: cents });
    }
    const saved = await form.run(() =>
      post.mutateAsync({
        patientId: account.patientId,
        amountCents,
        method,
        payer: payer || undefined,
        reference: reference || undefined,
        postedOn,
        note: note || undefined,
        ...(applying ? { allocations } : {}),
      }),
    );
    if (saved) onClose();
  }

  return (
    <Dialog title="Take payment" open onClose={onClose} wide>
      <form className="billing-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div className="billing-form__row">
          <TextInput
            label="Amount"
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            hint="In dollars, e.g. 45.50"
            error={form.fieldError('amountCents')}
          />
          <Select
            label="Paid by"
            value={payer}
            onChange={(e) => {
              setPayer(e.target.value);
              // An insurer pays by remittance; the patient usually by card.
              setMethod(e.target.value ? 'insurance' : 'card');
            }}
            error={form.fieldError('payer')}
          >
            <option value="">Patient</option>
            {payers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
          <Select label="Method" value={method} onChange={(e) => setMethod(e.target.value as Method)} error={form.fieldError('method')}>
            {paymentMethods.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabels[m]}
              </option>
            ))}
          </Select>
        </div>
        <div className="billing-form__row">
          <TextInput
            label="Reference"
            hint="Cheque number, card slip or remittance trace"
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
          <TextInput label="Note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        </div>
        <label className="billing-check">
          <input type="checkbox" checked={applying} onChange={(e) => setApplying(e.target.checked)} disabled={open.length === 0} />
          Apply to specific charges
        </label>
        {!applying && (
          <p className="field__hint">Pays the oldest charges this payer owes first; anything left stays on the account as a credit.</p>
        )}
        {applying && (
          <table className="table billing-table" aria-label="Apply to charges">
            <thead>
              <tr>
                <th scope="col">Charge</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col">Apply</th>
              </tr>
            </thead>
            <tbody>
              {open.map((charge) => (
                <tr key={charge.id}>
                  <td>
                    <span className="mono">{chargeName(charge)}</span> {charge.description}
                  </td>
                  <td className="num">{formatCents(charge.balanceCents)}</td>
                  <td>
                    <input
                      className="billing-apply"
                      inputMode="decimal"
                      aria-label={`Apply to ${chargeName(charge)}`}
                      value={applied[charge.id] ?? ''}
                      onChange={(e) => setApplied({ ...applied, [charge.id]: e.target.value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Posting…' : 'Post payment'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
