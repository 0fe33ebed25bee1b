/**
 * The form behind "sync location" and "join a clinic": a folder or an S3
 * bucket, and the clinic passphrase. The values are flat (one text box per
 * field, both kinds kept while switching) and checked with the contract's own
 * FolderTarget / S3Target / Passphrase rules, so the desk sees the core's
 * messages before anything is sent.
 */
import { z } from 'zod';
import type { ApiErrorShape, SyncTarget, SyncTargetView } from '../../../../main/contract';
import { FolderTarget, Passphrase, S3Target } from '../../../../main/contract/sync';
import { fieldErrorsOf } from '../../ui/useServerForm';

export const TargetFormValues = z.object({
  kind: z.enum(['folder', 's3']),
  path: z.string(),
  endpoint: z.string(),
  region: z.string(),
  bucket: z.string(),
  prefix: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  forcePathStyle: z.boolean(),
  passphrase: z.string(),
  /** Only asked when setting up a location: a mistyped passphrase there cannot be recovered. */
  confirm: z.string(),
});
export type TargetFormValues = z.infer<typeof TargetFormValues>;
export type TargetFormField = keyof TargetFormValues;
export interface TargetFormOutput {
  target: SyncTarget;
  passphrase: string;
}

function rawTarget(values: TargetFormValues): unknown {
  if (values.kind === 'folder') return { kind: 'folder', path: values.path };
  const { endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, forcePathStyle } = values;
  return { kind: 's3', endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, forcePathStyle };
}

/** The form's schema; `confirm` asks for the passphrase twice. */
export function targetFormSchema({ confirm }: { confirm: boolean }) {
  return TargetFormValues.superRefine((values, ctx) => {
    const target = (values.kind === 'folder' ? FolderTarget : S3Target).safeParse(rawTarget(values));
    if (!target.success) {
      for (const issue of target.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.slice(0, 1) });
    }
    const passphrase = Passphrase.safeParse(values.passphrase);
    if (!passphrase.success) {
      ctx.addIssue({ code: 'custom', message: passphrase.error.issues[0]?.message ?? 'Enter the clinic passphrase', path: ['passphrase'] });
    } else if (confirm && values.confirm !== values.passphrase) {
      ctx.addIssue({ code: 'custom', message: 'Type the same passphrase twice', path: ['confirm'] });
    }
  }).transform((values): TargetFormOutput => ({
    target: (values.kind === 'folder' ? FolderTarget : S3Target).parse(rawTarget(values)),
    passphrase: values.passphrase,
  }));
}

/** Empty values, or the current location's (the secret is never sent back, so it is typed again). */
export function targetFormDefaults(current?: SyncTargetView | null): TargetFormValues {
  const empty: TargetFormValues = {
    kind: 'folder',
    path: '',
    endpoint: '',
    region: 'us-east-1',
    bucket: '',
    prefix: '',
    accessKeyId: '',
    secretAccessKey: '',
    forcePathStyle: false,
    passphrase: '',
    confirm: '',
  };
  if (!current) return empty;
  if (current.kind === 'folder') return { ...empty, path: current.path };
  const { endpoint, region, bucket, prefix, accessKeyId, forcePathStyle } = current;
  return { ...empty, kind: 's3', endpoint, region, bucket, prefix, accessKeyId, forcePathStyle };
}

const SERVER_FIELDS: Record<string, TargetFormField> = {
  passphrase: 'passphrase',
  'target.path': 'path',
  'target.endpoint': 'endpoint',
  'target.region': 'region',
  'target.bucket': 'bucket',
  'target.prefix': 'prefix',
  'target.accessKeyId': 'accessKeyId',
  'target.secretAccessKey': 'secretAccessKey',
};

/** The core's field errors by the form's field names (a bucket problem lands on the bucket box, and so on). */
export function serverFieldErrors(error: ApiErrorShape): [TargetFormField, string][] {
  return Object.entries(fieldErrorsOf(error, SERVER_FIELDS)) as [TargetFormField, string][];
}
