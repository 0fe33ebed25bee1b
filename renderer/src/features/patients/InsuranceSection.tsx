/**
 * Up to three insurance policies, each with its billing rank. A new policy
 * takes the first free rank so the usual case (one primary) needs no choice;
 * a clash of ranks is caught in the form before the core refuses it.
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { relationships } from '../../../../main/contract';
import { Select, TextInput } from '../../ui/Field';
import { emptyPolicy, MAX_POLICIES, type PatientFormValues } from './patientForm';
import { rankLabels, relationshipLabels } from './patientDisplay';

export function InsuranceSection() {
  const {
    control,
    register,
    getValues,
    formState: { errors },
  } = useFormContext<PatientFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'insurance' });
  const listError = errors.insurance?.root?.message ?? errors.insurance?.message;

  function add() {
    const used = new Set(getValues('insurance').map((p) => p.rank));
    const rank = [1, 2, 3].find((r) => !used.has(r)) ?? fields.length + 1;
    // Focus the payer of the new policy: the next thing to type.
    append(emptyPolicy(rank), { focusName: `insurance.${fields.length}.payerName` });
  }

  return (
    <fieldset className="form-section">
      <legend>Insurance</legend>
      {listError && (
        <div className="field__error" role="alert">
          {listError}
        </div>
      )}
      {fields.length === 0 && <p className="patients-muted">No insurance policies. Leave this empty for a self-pay patient.</p>}
      {fields.map((field, i) => {
        const e = errors.insurance?.[i];
        return (
          <fieldset key={field.id} className="policy">
            <legend className="policy__legend">Policy {i + 1}</legend>
            <div className="policy__head">
              <button type="button" className="button button--small button--danger-ghost" onClick={() => remove(i)}>
                Remove policy {i + 1}
              </button>
            </div>
            <div className="form-grid">
              <Select label="Rank" error={e?.rank?.message} {...register(`insurance.${i}.rank`, { valueAsNumber: true })}>
                {[1, 2, 3].map((rank) => (
                  <option key={rank} value={rank}>
                    {rankLabels[rank]}
                  </option>
                ))}
              </Select>
              <TextInput label="Payer" error={e?.payerName?.message} {...register(`insurance.${i}.payerName`)} />
              <TextInput
                label="Payer id"
                hint="Electronic payer id, if known"
                error={e?.payerId?.message}
                {...register(`insurance.${i}.payerId`)}
              />
              <TextInput label="Member id" error={e?.memberId?.message} {...register(`insurance.${i}.memberId`)} />
              <TextInput label="Group number" error={e?.groupNumber?.message} {...register(`insurance.${i}.groupNumber`)} />
              <Select
                label="Patient's relationship to subscriber"
                error={e?.subscriberRelationship?.message}
                {...register(`insurance.${i}.subscriberRelationship`)}
              >
                {relationships.map((r) => (
                  <option key={r} value={r}>
                    {relationshipLabels[r]}
                  </option>
                ))}
              </Select>
              <TextInput
                label="Subscriber name"
                hint="If the subscriber is not the patient"
                error={e?.subscriberName?.message}
                {...register(`insurance.${i}.subscriberName`)}
              />
              <TextInput
                label="Subscriber date of birth"
                type="date"
                error={e?.subscriberDateOfBirth?.message}
                {...register(`insurance.${i}.subscriberDateOfBirth`)}
              />
            </div>
          </fieldset>
        );
      })}
      {fields.length < MAX_POLICIES ? (
        <button type="button" className="button" onClick={add}>
          + Add insurance policy
        </button>
      ) : (
        <p className="patients-muted">A patient can have at most three policies (primary, secondary, tertiary).</p>
      )}
    </fieldset>
  );
}
