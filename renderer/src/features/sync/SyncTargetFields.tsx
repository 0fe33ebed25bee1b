/**
 * Where the clinic's data syncs: a shared folder or an S3-compatible bucket,
 * chosen with two radio buttons, then the clinic passphrase. Used by the sync
 * panel (set up or change the location) and the first-run "join a clinic".
 */
import { useId, type ComponentPropsWithRef } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextInput } from '../../ui/Field';
import type { TargetFormValues } from './syncTargetForm';

interface Props {
  register: UseFormRegister<TargetFormValues>;
  errors: FieldErrors<TargetFormValues>;
  kind: TargetFormValues['kind'];
  /** Setting up a location (passphrase typed twice) rather than joining one. */
  confirmPassphrase: boolean;
  /** The S3 secret is stored already: say it must be typed again. */
  hasSecret?: boolean;
  /** Where the folder path box should start the person off. */
  autoFocus?: boolean;
}

export function SyncTargetFields({ register, errors, kind, confirmPassphrase, hasSecret, autoFocus }: Props) {
  return (
    <>
      <fieldset className="sync-kind">
        <legend>Sync through</legend>
        <Choice
          type="radio"
          label="A shared folder"
          hint="A network drive, or a folder a file-sync app keeps in step"
          {...register('kind')}
          value="folder"
        />
        <Choice
          type="radio"
          label="An S3-compatible bucket"
          hint="Amazon S3, MinIO, Backblaze B2, Wasabi…"
          {...register('kind')}
          value="s3"
        />
      </fieldset>
      {kind === 'folder' ? (
        <TextInput
          label="Folder path"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          hint="The full path, as this workstation sees it, e.g. /srv/outpost or \\server\share\outpost"
          error={errors.path?.message}
          {...register('path')}
        />
      ) : (
        <div className="form-grid sync-s3">
          <TextInput
            label="Service URL"
            autoComplete="off"
            spellCheck={false}
            hint="Leave empty for Amazon S3"
            placeholder="https://s3.example.com"
            error={errors.endpoint?.message}
            {...register('endpoint')}
          />
          <TextInput label="Region" autoComplete="off" spellCheck={false} error={errors.region?.message} {...register('region')} />
          <TextInput label="Bucket" autoComplete="off" spellCheck={false} error={errors.bucket?.message} {...register('bucket')} />
          <TextInput
            label="Prefix"
            autoComplete="off"
            spellCheck={false}
            hint="Optional: a folder inside the bucket"
            error={errors.prefix?.message}
            {...register('prefix')}
          />
          <TextInput
            label="Access key ID"
            autoComplete="off"
            spellCheck={false}
            error={errors.accessKeyId?.message}
            {...register('accessKeyId')}
          />
          <TextInput
            label="Secret access key"
            type="password"
            autoComplete="off"
            hint={hasSecret ? 'Stored, but never shown: type it again to save a change' : undefined}
            error={errors.secretAccessKey?.message}
            {...register('secretAccessKey')}
          />
          <Choice
            type="checkbox"
            label="Path-style addresses"
            hint="Most services other than Amazon S3 need this"
            {...register('forcePathStyle')}
          />
        </div>
      )}
      <TextInput
        label="Clinic passphrase"
        type="password"
        autoComplete={confirmPassphrase ? 'new-password' : 'off'}
        hint={
          confirmPassphrase
            ? 'At least 12 characters; a few unrelated words are easiest to remember'
            : 'The passphrase your clinic chose when it set up sync'
        }
        error={errors.passphrase?.message}
        {...register('passphrase')}
      />
      {confirmPassphrase && (
        <TextInput
          label="Confirm passphrase"
          type="password"
          autoComplete="new-password"
          error={errors.confirm?.message}
          {...register('confirm')}
        />
      )}
    </>
  );
}

/** A radio button or check box with its label, and a hint read as its description. */
function Choice({ label, hint, ...input }: ComponentPropsWithRef<'input'> & { label: string; hint: string }) {
  const hintId = useId();
  return (
    <div className="sync-check">
      <label>
        <input aria-describedby={hintId} {...input} /> {label}
      </label>
      <div id={hintId} className="sync-check__hint">
        {hint}
      </div>
    </div>
  );
}
