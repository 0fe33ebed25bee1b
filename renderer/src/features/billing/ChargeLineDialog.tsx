/**
 * Adding or changing one service line of the superbill. The diagnoses of the
 * visit are offered as checkboxes, all ticked for a new line (most visits
 * bill every diagnosis); the price comes from the schedule unless an
 * override is typed. What was typed stays when the server refuses it.
 */
import { useState, type FormEvent } from 'react';
import type { Charge, FeeItem, Superbill } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatCents, moneyInput, parseMoney } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { FeeCodeSearch } from './FeeCodeSearch';

interface Props {
  bill: Superbill;
  /** Null: a new line. */
  charge: Charge | null;
  onClose(): void;
}

export function ChargeLineDialog({ bill, charge, onClose }: Props) {
  const [code, setCode] = useState(charge?.code ?? '');
  const [picked, setPicked] = useState<FeeItem | null>(null);
  const [units, setUnits] = useState(String(charge?.units ?? 1));
  const [modifiers, setModifiers] = useState(charge?.modifiers.join(', ') ?? '');
  const [price, setPrice] = useState(charge ? moneyInput(charge.unitPriceCents) : '');
  const [pointers, setPointers] = useState<string[]>(charge?.diagnosisCodes ?? bill.diagnoses.slice(0, 4).map((d) => d.code));
  const save = useApiMutation('charges.save');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unitPriceCents = price.trim() === '' ? undefined : parseMoney(price);
    if (unitPriceCents === null) {
      form.fail('The price is not an amount. Type it in dollars, e.g. 45 or 45.50.', { unitPriceCents: 'Type dollars, e.g. 45.50' });
      return;
    }
    const unitCount = Number(units);
    const saved = await form.run(() =>
      save.mutateAsync({
        ...(charge ? { id: charge.id } : {}),
        encounterId: bill.encounterId,
        code: code.trim(),
        units: Number.isInteger(unitCount) ? unitCount : Number.NaN,
        modifiers: modifiers
          .split(/[\s,]+/)
          .map((m) => m.trim())
          .filter(Boolean),
        diagnosisCodes: pointers,
        ...(unitPriceCents !== undefined ? { unitPriceCents } : {}),
      }),
    );
    if (saved) onClose();
  }

  const fieldError = (path: string) =>
    form.fieldError(path) ?? Object.entries(form.error?.fields ?? {}).find(([key]) => key.startsWith(`${path}.`))?.[1];

  return (
    <Dialog title={charge ? `Change ${charge.code}` : 'Add service'} open onClose={onClose} wide>
      <form className="billing-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <FeeCodeSearch
          scheduleId={bill.schedule?.id ?? null}
          code={code}
          onCode={(text) => {
            setCode(text);
            setPicked(null);
          }}
          onPick={(item) => {
            setCode(item.code);
            setPicked(item);
          }}
          error={fieldError('code')}
        />
        {picked && (
          <p className="billing-picked" role="status">
            {picked.code} {picked.description} · {formatCents(picked.priceCents)} a unit
          </p>
        )}
        <div className="billing-form__row">
          <TextInput
            label="Units"
            inputMode="numeric"
            value={units}
            onChange={(e) => setUnits(e.target.value)}
            error={fieldError('units')}
          />
          <TextInput
            label="Modifiers"
            hint="Up to four, e.g. 25, 59"
            value={modifiers}
            onChange={(e) => setModifiers(e.target.value)}
            error={fieldError('modifiers')}
          />
          <TextInput
            label="Price override"
            inputMode="decimal"
            hint={picked ? `Blank: ${formatCents(picked.priceCents)} from the schedule` : 'Blank: the schedule’s price'}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            error={fieldError('unitPriceCents')}
          />
        </div>
        <fieldset className="billing-form__diagnoses">
          <legend>Diagnoses this service treats</legend>
          {bill.diagnoses.length === 0 ? (
            <p className="field__hint">The encounter has no diagnoses yet: add them to the note first.</p>
          ) : (
            bill.diagnoses.map((d) => (
              <label key={d.code} className="billing-check">
                <input
                  type="checkbox"
                  checked={pointers.includes(d.code)}
                  onChange={(e) => setPointers(e.target.checked ? [...pointers, d.code] : pointers.filter((p) => p !== d.code))}
                />
                <span className="mono">{d.code}</span> {d.title}
              </label>
            ))
          )}
          {fieldError('diagnosisCodes') && (
            <div className="field__error" role="alert">
              {fieldError('diagnosisCodes')}
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : charge ? 'Save changes' : 'Add service'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
