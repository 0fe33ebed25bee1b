/**
 * Where this clinic syncs (sync.settings), and the form to set it up or move
 * it (sync.configure). The passphrase is the one thing that cannot be
 * recovered, so the form says so before it is typed, and asks for it twice.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ApiError, SyncTargetView } from '../../../../main/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { toApiError } from '../../ui/useServerForm';
import { SyncTargetFields } from './SyncTargetFields';
import { serverFieldErrors, targetFormDefaults, targetFormSchema, type TargetFormOutput, type TargetFormValues } from './syncTargetForm';
import { useSyncCall } from './useSyncStatus';

export function SyncLocationSection() {
  const settings = useApi('sync.settings', {});
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const target = settings.data?.target ?? null;

  function close(message: string | null) {
    setEditing(false);
    setSaved(message);
    requestAnimationFrame(() => toggle.current?.focus());
  }

  return (
    <section className="sync-location" aria-labelledby="sync-location-title">
      <h3 id="sync-location-title">Sync location</h3>
      {settings.isPending ? (
        <Loading label="Reading the sync location…" />
      ) : settings.error ? (
        <ErrorMessage error={settings.error} />
      ) : (
        <>
          {target ? (
            <TargetFacts target={target} />
          ) : (
            <p>
              Not set up: this clinic’s data is on this workstation only. Sync through a shared folder or an S3 bucket to share it with the
              clinic’s other workstations and keep an encrypted copy off this computer.
            </p>
          )}
          <div role="status" aria-live="polite">
            {saved && <div className="success-banner">{saved}</div>}
          </div>
          {!editing && (
            <button
              ref={toggle}
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              {target ? 'Change sync location…' : 'Set up sync…'}
            </button>
          )}
          {editing && (
            <SyncLocationForm current={target} onCancel={() => close(null)} onSaved={(where) => close(`Now syncing through ${where}.`)} />
          )}
        </>
      )}
    </section>
  );
}

function TargetFacts({ target }: { target: SyncTargetView }) {
  if (target.kind === 'folder') {
    return (
      <dl className="sync-facts">
        <dt>Shared folder</dt>
        <dd className="sync-facts__target">{target.path}</dd>
      </dl>
    );
  }
  return (
    <dl className="sync-facts">
      <dt>S3 service</dt>
      <dd className="sync-facts__target">{target.endpoint || 'Amazon S3'}</dd>
      <dt>Bucket</dt>
      <dd className="sync-facts__target">
        {target.bucket}
        {target.prefix ? ` / ${target.prefix}` : ''}
      </dd>
      <dt>Region</dt>
      <dd>{target.region}</dd>
      <dt>Access key ID</dt>
      <dd className="sync-facts__target">{target.accessKeyId}</dd>
      <dt>Secret access key</dt>
      <dd>{target.hasSecret ? 'Stored on this workstation (never shown)' : 'Missing'}</dd>
    </dl>
  );
}

const schema = targetFormSchema({ confirm: true });

function SyncLocationForm({
  current,
  onCancel,
  onSaved,
}: {
  current: SyncTargetView | null;
  onCancel(): void;
  onSaved(where: string): void;
}) {
  const client = useQueryClient();
  const syncCall = useSyncCall();
  const form = useForm<TargetFormValues, unknown, TargetFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: targetFormDefaults(current),
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

  useEffect(() => {
    setFocus(current?.kind === 's3' ? 'endpoint' : 'path');
  }, [current, setFocus]);

  async function save(values: TargetFormOutput) {
    setBusy(true);
    setFailure(null);
    try {
      const status = await syncCall(() => api.call('sync.configure', values));
      await client.invalidateQueries({ queryKey: ['sync.settings'] });
      onSaved(status.target ?? 'the new location');
    } catch (caught) {
      const error = toApiError(caught);
      const fields = serverFieldErrors(error);
      for (const [field, message] of fields) setError(field, { type: 'server', message });
      setFailure(fields.length > 0 ? null : error);
      setBusy(false);
      const first = fields[0]?.[0];
      if (first) requestAnimationFrame(() => setFocus(first));
    }
  }

  return (
    <form
      className="sync-location__form"
      noValidate
      aria-label="Sync location"
      onSubmit={(e) => void handleSubmit(save)(e)}
      aria-busy={busy}
    >
      <div className="warning-banner" role="note">
        <strong>Keep the clinic passphrase safe.</strong> It encrypts everything stored at the sync location, and every workstation of the
        clinic needs it to sync or to join. It cannot be recovered: if it is lost, nobody can read the synced data again. Write it down and
        keep it somewhere safe.
        {current && ' If the new location already holds this clinic, use the passphrase chosen then.'}
      </div>
      <ErrorMessage error={failure} />
      <fieldset className="sync-location__fields" disabled={busy}>
        <SyncTargetFields
          register={register}
          errors={errors}
          kind={kind}
          confirmPassphrase
          hasSecret={current?.kind === 's3' && current.hasSecret}
        />
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Save and sync'}
        </button>
      </div>
    </form>
  );
}
