/** Sync: where the clinic's data is reconciled, joining a clinic, and the workstation's sync state. */
import { z } from 'zod';
import { Empty } from './common';
import { SyncStatus } from './events';
import { method } from './method';

const Required = (what: string) => z.string().trim().min(1, `Enter ${what}`);

export const FolderTarget = z.object({
  kind: z.literal('folder'),
  /** A local or network folder every workstation of the clinic can reach. */
  path: Required('the folder every workstation syncs through').max(1000),
});

export const S3Target = z.object({
  kind: z.literal('s3'),
  /** Empty for AWS; the URL of an S3-compatible service otherwise. */
  endpoint: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+/.test(value), 'Enter the service URL, e.g. https://s3.example.com')
    .default(''),
  region: Required('the region, e.g. us-east-1').max(50),
  bucket: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'Bucket names are 3–63 lower-case letters, digits, dots or dashes'),
  prefix: z.string().trim().max(200).default(''),
  accessKeyId: Required('the access key id').max(200),
  secretAccessKey: Required('the secret access key').max(200),
  forcePathStyle: z.boolean().default(false),
});

export const SyncTarget = z.discriminatedUnion('kind', [FolderTarget, S3Target]);
export type SyncTarget = z.infer<typeof SyncTarget>;

/** A target as shown back: never the secret. */
export const SyncTargetView = z.discriminatedUnion('kind', [
  FolderTarget,
  S3Target.omit({ secretAccessKey: true }).extend({ hasSecret: z.boolean() }),
]);
export type SyncTargetView = z.infer<typeof SyncTargetView>;

export const Passphrase = z
  .string()
  .min(12, 'The clinic passphrase needs at least 12 characters (a few words are easiest to remember)')
  .max(200, 'The clinic passphrase can have at most 200 characters');

export const sync = {
  /** Sync state for the always-visible indicator. */
  'sync.status': method({ input: Empty, output: SyncStatus, access: 'session' }),
  /** Sync right away instead of waiting for the next poll. */
  'sync.now': method({ input: Empty, output: SyncStatus, access: 'session' }),
  /** Cut this workstation off from the cloud, or reconnect it (what a lost internet line does). */
  'sync.setPaused': method({ input: z.object({ paused: z.boolean() }).strict(), output: SyncStatus, access: 'sync.manage' }),
  /** Where this workstation syncs (the secret is never sent back). */
  'sync.settings': method({
    input: Empty,
    output: z.object({ target: SyncTargetView.nullable(), clinicId: z.string() }),
    access: 'sync.manage',
  }),
  /** Start syncing this clinic through a folder or bucket: creates the clinic's keyring there, or opens it with the passphrase. */
  'sync.configure': method({
    input: z.object({ target: SyncTarget, passphrase: Passphrase }).strict(),
    output: SyncStatus,
    access: 'sync.manage',
  }),
  /** First run on a new workstation: join an existing clinic from its sync location instead of creating one. */
  'sync.join': method({
    input: z.object({ target: SyncTarget, passphrase: Passphrase }).strict(),
    output: z.object({ clinicName: z.string(), patients: z.number().int(), users: z.number().int() }),
    access: 'public',
  }),
};
