/**
 * The clinic's billing identity, as it goes on every claim: who bills (name,
 * NPI, tax id, taxonomy, address, phone) and the clearinghouse's ids for the
 * 837P envelope. The core checks each field; its errors show next to them
 * and nothing typed is lost.
 */
import { useState, type FormEvent } from 'react';
import type { BillingProfile } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import './claims.css';

type ProfileField = keyof BillingProfile;

interface FieldSpec {
  key: ProfileField;
  label: string;
  hint?: string;
  maxLength: number;
  /** Codes the core wants in capitals (a state, a taxonomy) are sent that way, whatever was typed. */
  upper?: boolean;
}

const WHO: FieldSpec[] = [
  { key: 'name', label: 'Billing name', hint: 'The practice’s name as the payers know it', maxLength: 60 },
  { key: 'npi', label: 'Billing NPI', hint: '10 digits (the group’s NPI)', maxLength: 10 },
  { key: 'taxId', label: 'Tax id (EIN)', hint: 'e.g. 12-3456789', maxLength: 10 },
  { key: 'taxonomyCode', label: 'Taxonomy code', hint: 'e.g. 207Q00000X', maxLength: 10, upper: true },
  { key: 'phone', label: 'Phone', maxLength: 20 },
];
const WHERE: FieldSpec[] = [
  { key: 'addressLine1', label: 'Street address', maxLength: 55 },
  { key: 'city', label: 'City', maxLength: 30 },
  { key: 'region', label: 'State', hint: 'Two letters, e.g. IL', maxLength: 2, upper: true },
  { key: 'postalCode', label: 'ZIP code', maxLength: 10 },
];
const CLEARINGHOUSE: FieldSpec[] = [
  { key: 'receiverName', label: 'Clearinghouse name', maxLength: 60 },
  { key: 'submitterId', label: 'Submitter id', hint: 'Your id with the clearinghouse', maxLength: 15 },
  { key: 'receiverId', label: 'Receiver id', hint: 'The clearinghouse’s own id', maxLength: 15 },
];

export function BillingProfileDialog({ onClose }: { onClose(): void }) {
  const query = useApi('billing.profile', {});
  return (
    <Dialog title="Billing profile" open onClose={onClose} wide>
      {query.isPending ? (
        <Loading label="Loading the billing profile…" />
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <ProfileForm profile={query.data} onClose={onClose} />
      )}
    </Dialog>
  );
}

function ProfileForm({ profile, onClose }: { profile: BillingProfile; onClose(): void }) {
  const [values, setValues] = useState<Record<ProfileField, string>>(
    () => Object.fromEntries(Object.entries(profile).map(([key, value]) => [key, value ?? ''])) as Record<ProfileField, string>,
  );
  const save = useApiMutation('billing.saveProfile');
  const form = useServerForm();
  const specs = [...WHO, ...WHERE, ...CLEARINGHOUSE];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = Object.fromEntries(
      specs.map(({ key, upper }) => {
        const value = values[key].trim();
        return [key, (upper ? value.toUpperCase() : value) || null];
      }),
    ) as Record<ProfileField, string | null>;
    if (await form.run(() => save.mutateAsync({ ...typed, name: typed.name ?? '' }))) onClose();
  }

  const fields = (group: FieldSpec[]) =>
    group.map(({ key, label, hint, maxLength }) => (
      <TextInput
        key={key}
        label={label}
        hint={hint}
        maxLength={maxLength}
        autoComplete="off"
        // The form appears after the profile loads, once the dialog has placed focus: start at the first field.
        autoFocus={key === 'name'}
        value={values[key]}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        error={form.fieldError(key)}
      />
    ));

  return (
    <form className="billing-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="billing-muted">Printed on every claim. Payers reject claims whose NPI, tax id or address do not match their records.</p>
      <ErrorMessage error={form.error} />
      <fieldset className="billing-form__group">
        <legend>Who bills</legend>
        <div className="billing-form__row">{fields(WHO)}</div>
      </fieldset>
      <fieldset className="billing-form__group">
        <legend>Billing address</legend>
        <div className="billing-form__row">{fields(WHERE)}</div>
      </fieldset>
      <fieldset className="billing-form__group">
        <legend>Clearinghouse</legend>
        <div className="billing-form__row">{fields(CLEARINGHOUSE)}</div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save billing profile'}
        </button>
      </div>
    </form>
  );
}
