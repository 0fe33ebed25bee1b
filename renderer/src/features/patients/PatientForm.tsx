/**
 * Register or edit a patient. Validated in the form with the contract's own
 * rules, then by the core; the core's field errors land next to their
 * fields. What was typed is never thrown away on an error. Possible
 * duplicates are looked up while typing and must be confirmed before a save.
 * An edit is saved against the record as it was when the form opened, so a
 * colleague's save in between is never silently overwritten.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type FocusEvent } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, DuplicateCandidate, patientDisplayName, sexes, type ApiErrorShape, type Patient } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { ErrorMessage } from '../../ui/feedback';
import { Select, TextArea, TextInput } from '../../ui/Field';
import { DuplicatePanel } from './DuplicatePanel';
import { InsuranceSection } from './InsuranceSection';
import { sexLabels } from './patientDisplay';
import { emptyValues, isFormPath, PatientFormSchema, valuesOf, type PatientFormOutput, type PatientFormValues } from './patientForm';
import { takeRegistrationDraft } from './registrationDraft';
import { StaleEditNotice } from './StaleEditNotice';
import { useDuplicateCheck } from './useDuplicateCheck';

const ConflictDetails = z.object({ duplicates: z.array(DuplicateCandidate) });

interface Props {
  /** Absent: register a new patient. */
  patient?: Patient;
  onSaved(patient: Patient): void;
  onCancel(): void;
  /** Editing: load the record as saved now and start the form again from it. */
  onReload?(): Promise<void>;
}

export function PatientForm({ patient, onSaved, onCancel, onReload }: Props) {
  const { navigate } = useNavigation();
  const [initial] = useState(() => (patient ? valuesOf(patient) : emptyValues(takeRegistrationDraft())));
  // The version being edited; a refetch of the record while typing must not move it.
  const [loadedAt] = useState(patient?.updatedAt);
  const form = useForm<PatientFormValues, unknown, PatientFormOutput>({
    resolver: zodResolver(PatientFormSchema),
    defaultValues: initial,
    mode: 'onTouched',
  });
  const {
    register,
    getValues,
    setError,
    handleSubmit,
    formState: { errors, submitCount },
  } = form;
  const create = useApiMutation('patients.create');
  const update = useApiMutation('patients.update');
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ApiErrorShape | null>(null);
  /** The refusal when someone else saved the patient since the form opened. */
  const [stale, setStale] = useState<string | null>(null);
  const { duplicates, setDuplicates, check: checkDuplicates } = useDuplicateCheck(getValues, patient?.id);
  const [refused, setRefused] = useState(false);
  const duplicatePanel = useRef<HTMLDivElement>(null);

  /** Registers a field whose blur also runs the duplicate look-up. */
  function withDuplicateCheck(name: 'givenName' | 'familyName' | 'dateOfBirth' | 'phoneMobile' | 'phoneHome') {
    const field = register(name);
    return {
      ...field,
      onBlur: async (event: FocusEvent<HTMLInputElement>) => {
        await field.onBlur(event);
        await checkDuplicates();
      },
    };
  }

  async function save(values: PatientFormOutput, acknowledgeDuplicates: boolean) {
    setSaving(true);
    setServerError(null);
    setStale(null);
    try {
      const saved = patient
        ? await update.mutateAsync({ ...values, id: patient.id, acknowledgeDuplicates, expectedUpdatedAt: loadedAt })
        : await create.mutateAsync({ ...values, acknowledgeDuplicates });
      onSaved(saved);
    } catch (caught) {
      const error: ApiErrorShape = ApiError.is(caught)
        ? caught
        : { code: 'INTERNAL', message: 'The patient could not be saved. Nothing you typed was lost: try again.' };
      const conflict = error.code === 'CONFLICT' ? ConflictDetails.safeParse(error.details) : null;
      if (conflict?.success) {
        setDuplicates(conflict.data.duplicates);
        setRefused(true);
        requestAnimationFrame(() => {
          duplicatePanel.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          duplicatePanel.current?.focus({ preventScroll: true });
        });
      } else if (error.code === 'CONFLICT' && patient) {
        setStale(error.message);
      } else {
        setServerError(error);
      }
      let first = true;
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        if (!isFormPath(path)) continue;
        setError(path as FieldPath<PatientFormValues>, { type: 'server', message }, { shouldFocus: first });
        first = false;
      }
    } finally {
      setSaving(false);
    }
  }

  const invalidCount = Object.keys(errors).length;
  const title = patient ? `Edit ${patientDisplayName(patient)}` : 'Register new patient';
  const today = new Date().toISOString().slice(0, 10);

  return (
    <FormProvider {...form}>
      <form
        className="patients-page patient-form"
        noValidate
        aria-labelledby="patient-form-title"
        onSubmit={(e) => void handleSubmit((values) => save(values, false))(e)}
      >
        <button type="button" className="patients-link patients-back" onClick={onCancel}>
          ← {patient ? 'Back to the patient' : 'Back to patient search'}
        </button>
        <h1 id="patient-form-title">{title}</h1>
        <p className="patients-muted patient-form__intro">
          Fields marked <span aria-hidden="true">*</span> are required. Check the name and date of birth against an ID card.
        </p>

        <fieldset className="form-section">
          <legend>Patient</legend>
          <div className="form-grid">
            <TextInput
              label="First name"
              aria-required
              autoFocus={!patient}
              autoComplete="off"
              error={errors.givenName?.message}
              {...withDuplicateCheck('givenName')}
            />
            <TextInput label="Middle name" autoComplete="off" error={errors.middleName?.message} {...register('middleName')} />
            <TextInput
              label="Last name"
              aria-required
              autoComplete="off"
              error={errors.familyName?.message}
              {...withDuplicateCheck('familyName')}
            />
            <TextInput
              label="Preferred name"
              hint="What the patient likes to be called"
              autoComplete="off"
              error={errors.preferredName?.message}
              {...register('preferredName')}
            />
            <Select label="Sex" aria-required hint="As recorded for administrative use" error={errors.sex?.message} {...register('sex')}>
              <option value="">Choose…</option>
              {sexes.map((s) => (
                <option key={s} value={s}>
                  {sexLabels[s]}
                </option>
              ))}
            </Select>
            <TextInput
              label="Date of birth"
              type="date"
              aria-required
              min="1900-01-01"
              max={today}
              error={errors.dateOfBirth?.message}
              {...withDuplicateCheck('dateOfBirth')}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Contact</legend>
          <div className="form-grid">
            <TextInput
              label="Mobile phone"
              type="tel"
              autoComplete="off"
              error={errors.phoneMobile?.message}
              {...withDuplicateCheck('phoneMobile')}
            />
            <TextInput
              label="Home phone"
              type="tel"
              autoComplete="off"
              error={errors.phoneHome?.message}
              {...withDuplicateCheck('phoneHome')}
            />
            <TextInput label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register('email')} />
          </div>
          <div className="form-grid patient-form__address">
            <TextInput label="Address" autoComplete="off" error={errors.addressLine1?.message} {...register('addressLine1')} />
            <TextInput label="Address line 2" autoComplete="off" error={errors.addressLine2?.message} {...register('addressLine2')} />
            <TextInput label="City" autoComplete="off" error={errors.city?.message} {...register('city')} />
            <TextInput label="State / region" autoComplete="off" error={errors.region?.message} {...register('region')} />
            <TextInput label="Postal code" autoComplete="off" error={errors.postalCode?.message} {...register('postalCode')} />
            <TextInput label="Country" autoComplete="off" error={errors.country?.message} {...register('country')} />
          </div>
        </fieldset>

        {duplicates.length > 0 && (
          <DuplicatePanel
            ref={duplicatePanel}
            candidates={duplicates}
            refused={refused}
            saving={saving}
            onOpen={(patientId) => navigate({ screen: 'patients', patientId })}
            onSaveAnyway={() => void handleSubmit((values) => save(values, true))()}
          />
        )}

        <fieldset className="form-section">
          <legend>Emergency contact</legend>
          <div className="form-grid patient-form__grid-3">
            <TextInput
              label="Emergency contact name"
              autoComplete="off"
              error={errors.emergencyContactName?.message}
              {...register('emergencyContactName')}
            />
            <TextInput
              label="Emergency contact relationship"
              hint="e.g. Spouse, Parent"
              autoComplete="off"
              error={errors.emergencyContactRelationship?.message}
              {...register('emergencyContactRelationship')}
            />
            <TextInput
              label="Emergency contact phone"
              type="tel"
              autoComplete="off"
              error={errors.emergencyContactPhone?.message}
              {...register('emergencyContactPhone')}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Preferences and notes</legend>
          <div className="form-grid">
            <TextInput
              label="Preferred language"
              autoComplete="off"
              error={errors.preferredLanguage?.message}
              {...register('preferredLanguage')}
            />
          </div>
          <TextArea
            label="Notes"
            rows={3}
            hint="Administrative notes for the front desk — not clinical notes"
            error={errors.notes?.message}
            {...register('notes')}
          />
        </fieldset>

        <InsuranceSection />

        <div className="patient-form__footer">
          {stale && onReload ? (
            <StaleEditNotice message={stale} onReload={onReload} />
          ) : serverError ? (
            <ErrorMessage error={serverError} />
          ) : submitCount > 0 && invalidCount > 0 ? (
            <div className="error-banner" role="alert">
              {invalidCount === 1 ? 'One field needs attention' : `${invalidCount} fields need attention`} — see the messages in red.
            </div>
          ) : (
            <span />
          )}
          <div className="patient-form__buttons">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? 'Saving…' : patient ? 'Save changes' : 'Register patient'}
            </button>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
