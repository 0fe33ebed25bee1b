/**
 * First run on a new workstation: join a clinic that already syncs, from its
 * sync location and passphrase, instead of creating a new one. The join copies
 * the whole clinic before it answers, so the form says so and shows how far
 * the copy got (from the core's sync.status events).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ApiError, Output, SyncStatus } from '../../../../main/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../ui/feedback';
import { toApiError } from '../../ui/useServerForm';
import { SyncTargetFields } from './SyncTargetFields';
import { changes } from './syncText';
import { serverFieldErrors, targetFormDefaults, targetFormSchema, type TargetFormOutput, type TargetFormValues } from './syncTargetForm';

export type JoinResult = Output<'sync.join'>;

const schema = targetFormSchema({ confirm: false });

export function JoinClinicForm({ onJoined }: { onJoined(result: JoinResult): void }) {
  const form = useForm<TargetFormValues, unknown, TargetFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: targetFormDefaults(),
    mode: 'onTouched',
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = form;
  const kind = useWatch({ control, name: 'kind' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<SyncStatus['progress']>(null);

  useEffect(() => {
    if (!busy) return;
    return api.on('sync.status', (status) => {
      if (status.progress) setProgress(status.progress);
    });
  }, [busy]);

  async function join(values: TargetFormOutput) {
    setBusy(true);
    setFailure(null);
    setProgress(null);
    try {
      onJoined(await api.call('sync.join', values));
    } catch (caught) {
      const error = toApiError(caught);
      const fields = serverFieldErrors(error);
      for (const [field, message] of fields) setError(field, { type: 'server', message });
      // The message is shown once: next to its field when it has one, at the top otherwise.
      setFailure(fields.length > 0 ? null : error);
      setBusy(false);
      const first = fields[0]?.[0];
      if (first) requestAnimationFrame(() => setFocus(first));
    }
  }

  return (
    <form
      className="setup-form"
      noValidate
      aria-label="Join an existing clinic"
      onSubmit={(e) => void handleSubmit(join)(e)}
      aria-busy={busy}
    >
      <p>
        Use the sync location and passphrase of your clinic: a practice manager or administrator finds them under <em>Sync</em> on a
        workstation that already runs it. The clinic’s patients, schedule and user accounts are copied here.
      </p>
      <ErrorMessage error={failure} />
      <fieldset className="setup-form__fields" disabled={busy}>
        <SyncTargetFields register={register} errors={errors} kind={kind} confirmPassphrase={false} />
      </fieldset>
      <div role="status" aria-live="polite" className="setup-form__progress">
        {busy && (
          <>
            <span className="spinner" aria-hidden="true" />
            <span>
              Copying the clinic’s data…
              {progress && progress.done > 0 ? ` ${changes(progress.done)} so far.` : ' This can take a few minutes.'}
            </span>
          </>
        )}
      </div>
      <button className="button button--primary" type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join clinic'}
      </button>
    </form>
  );
}
