/**
 * Sealing of everything the workstation puts in the cloud: gzip, then
 * AES-256-GCM with the clinic data key of an epoch, the object key as
 * associated data (an object copied under another key fails to open).
 * Layout: "OPS1" | epoch (u32 BE) | iv (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const MAGIC = Buffer.from('OPS1');
const HEADER = MAGIC.length + 4 + 12 + 16;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>;

/** Raised when sealed bytes cannot be opened: wrong key, tampering, truncation or another clinic's data. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export interface DataKey {
  epoch: number;
  key: Buffer;
}

export async function seal(plain: Uint8Array, objectKey: string, dataKey: DataKey): Promise<Uint8Array> {
  const compressed = await gzipAsync(plain);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  cipher.setAAD(Buffer.from(objectKey));
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  const epoch = Buffer.alloc(4);
  epoch.writeUInt32BE(dataKey.epoch);
  return Buffer.concat([MAGIC, epoch, iv, cipher.getAuthTag(), body]);
}

/** The epoch a sealed object was written with, to pick its key. */
export function sealedEpoch(sealed: Uint8Array): number {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new SealError('not an Outpost object');
  return bytes.readUInt32BE(MAGIC.length);
}

export async function unseal(sealed: Uint8Array, objectKey: string, keyOf: (epoch: number) => Buffer | undefined): Promise<Buffer> {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const epoch = sealedEpoch(bytes);
  const key = keyOf(epoch);
  if (!key) throw new SealError(`sealed with key epoch ${epoch}, which this workstation does not have`);
  const iv = bytes.subarray(8, 20);
  const tag = bytes.subarray(20, 36);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(objectKey));
  decipher.setAuthTag(tag);
  let compressed: Buffer;
  try {
    compressed = Buffer.concat([decipher.update(bytes.subarray(HEADER)), decipher.final()]);
  } catch {
    throw new SealError('failed its integrity check (tampered, truncated, moved, or sealed with another key)');
  }
  try {
    return await gunzipAsync(compressed);
  } catch {
    throw new SealError('is not valid compressed data');
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  log2N: number;
  r: number;
  p: number;
  salt: string;
}

/** The key-encryption key derived from the clinic passphrase. */
export async function deriveKek(passphrase: string, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return scryptAsync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N,
    r: params.r,
    p: params.p,
    maxmem: 256 * N * params.r + 1024 * 1024,
  });
}

/** AES-256-GCM wrap of a data key; `label` binds it to its clinic and epoch. */
export function wrapKey(kek: Buffer, key: Buffer, label: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(label));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Undefined when the kek is wrong (a mistyped passphrase) or the wrapped key was altered. */
export function unwrapKey(kek: Buffer, wrapped: string, label: string): Buffer | undefined {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(label));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}
