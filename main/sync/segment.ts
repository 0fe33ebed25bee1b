/**
 * The two kinds of object a device writes: immutable log segments (a batch of
 * ops, chained to the device's previous segment by hash) and its head (the
 * latest seq, so a poll reads one small object per device that moved). Both
 * are sealed; their content is validated after opening, so a segment from a
 * newer or broken writer is refused with a reason, not half-applied.
 */
import { z } from 'zod';
import { seal, sha256Hex, unseal, type DataKey } from './crypto';

const Value = z.union([z.string(), z.number(), z.null()]);

export const RemoteOp = z.object({
  id: z.string().min(1),
  table: z.string().min(1),
  row: z.string().min(1),
  kind: z.enum(['insert', 'update', 'delete']),
  /** SQL column name -> value written. */
  data: z.record(z.string(), Value),
  /** Checked here so a malformed stamp is refused with its segment instead of failing the apply. */
  hlc: z.string().regex(/^\d{15}-\d{6}-.+$/),
});
export type RemoteOp = z.infer<typeof RemoteOp>;

/** device id -> last seq of that device applied by the writer when it wrote this. */
const AppliedVector = z.record(z.string(), z.number().int().nonnegative());
export type AppliedVector = z.infer<typeof AppliedVector>;

export const Segment = z.object({
  format: z.literal(1),
  clinicId: z.string(),
  deviceId: z.string(),
  seq: z.number().int().positive(),
  /** Hash of the device's previous segment (null for seq 1). */
  prev: z.string().nullable(),
  /** Schema version of the writer (number of migrations). */
  schema: z.number().int(),
  applied: AppliedVector,
  createdAt: z.string(),
  ops: z.array(RemoteOp),
});
export type Segment = z.infer<typeof Segment>;

export const Head = z.object({
  format: z.literal(1),
  deviceId: z.string(),
  seq: z.number().int().nonnegative(),
  hash: z.string().nullable(),
  applied: AppliedVector,
  schema: z.number().int(),
  updatedAt: z.string(),
});
export type Head = z.infer<typeof Head>;

/** Content that opened but is not what it claims to be. */
export class SegmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SegmentError';
  }
}

export async function sealJson(value: unknown, objectKey: string, key: DataKey): Promise<{ bytes: Uint8Array; hash: string }> {
  const bytes = await seal(Buffer.from(JSON.stringify(value)), objectKey, key);
  return { bytes, hash: sha256Hex(bytes) };
}

type KeyOf = (epoch: number) => Buffer | undefined;

async function openPlain(bytes: Uint8Array, objectKey: string, keyOf: KeyOf): Promise<unknown> {
  const plain = await unseal(bytes, objectKey, keyOf);
  try {
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw new SegmentError('is not valid JSON');
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new SegmentError('has an unexpected shape (written by a newer or damaged Outpost)');
  return result.data;
}

export async function openJson<T>(schema: z.ZodType<T>, bytes: Uint8Array, objectKey: string, keyOf: KeyOf): Promise<T> {
  return checked(schema, await openPlain(bytes, objectKey, keyOf));
}

/**
 * Seal a value with its writer's signature: `sig` signs the exact JSON of the
 * value, and is appended as its last field so a reader can rebuild those bytes.
 */
export async function sealSigned(
  value: Record<string, unknown>,
  objectKey: string,
  key: DataKey,
  sign: (bytes: Uint8Array) => string,
): Promise<{ bytes: Uint8Array; hash: string }> {
  const body = JSON.stringify(value);
  const bytes = await seal(Buffer.from(JSON.stringify({ ...value, sig: sign(Buffer.from(body)) })), objectKey, key);
  return { bytes, hash: sha256Hex(bytes) };
}

/** Open a signed value: the value, and the signed bytes with their signature (for the caller to verify against the roster). */
export async function openSigned<T>(
  schema: z.ZodType<T>,
  bytes: Uint8Array,
  objectKey: string,
  keyOf: KeyOf,
): Promise<{ value: T; body: Buffer; sig: string | null }> {
  const parsed = await openPlain(bytes, objectKey, keyOf);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SegmentError('has an unexpected shape');
  const { sig, ...rest } = parsed as Record<string, unknown>;
  return { value: checked(schema, rest), body: Buffer.from(JSON.stringify(rest)), sig: typeof sig === 'string' ? sig : null };
}
