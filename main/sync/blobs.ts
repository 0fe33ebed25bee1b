/**
 * Attachment content as encrypted, content-addressed blobs (ARCHITECTURE §4).
 *
 * The address of a blob is the sha256 of its plaintext, which the attachment
 * row carries; the same file attached twice is stored once. Neither copy is
 * named by that hash (it would tell anyone holding a known file that the
 * clinic has it): each is named by an HMAC of it.
 *
 * - Locally, `<data dir>/blobs/<hmac(cacheKey, sha256)>`, sealed with this
 *   workstation's own cache key (kept in sync_state beside the clinic keys).
 *   A workstation that does not sync has no clinic key, and the cache must be
 *   encrypted all the same (issue 7); a cache key of its own also survives
 *   configuring or joining sync later.
 * - In the cloud, `clinics/<id>/blobs/<hmac(first data key, sha256)>`, sealed
 *   with the current data key. The address uses the clinic's first key so it
 *   stays the same after a key rotation (every member holds that key; a later
 *   epoch only protects content written after it).
 *
 * Every read checks the sha256 of what it decrypted against the address:
 * damaged or altered content is refused, never shown.
 */
import type Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SealError, seal, sha256Hex, unseal } from './crypto';
import { currentKey, type DataKeys } from './keyring';
import { layout } from './layout';
import type { ObjectStore } from './objects/types';
import type { RemoteOp } from './segment';
import { readState, writeState } from './state';

const CACHE_KEY_STATE = 'blob_cache_key';
/** The table whose rows name blobs, and the column that does. */
const BLOB_TABLE = 'attachments';
const BLOB_COLUMN = 'sha256';

/** Content that decrypted to something other than what its address promises, or did not decrypt at all. */
export class BlobIntegrityError extends Error {
  constructor() {
    super('Attachment content failed its integrity check');
    this.name = 'BlobIntegrityError';
  }
}

const hmacHex = (key: Buffer, sha256: string) => createHmac('sha256', key).update(sha256).digest('hex');
const cacheAad = (sha256: string) => `outpost-blob:${sha256}`;

function verified(plain: Buffer, sha256: string): Buffer {
  if (sha256Hex(plain) !== sha256) throw new BlobIntegrityError();
  return plain;
}

/** This workstation's encrypted copy of attachment content. */
export class LocalBlobs {
  private constructor(
    private readonly dir: string,
    private readonly key: Buffer,
  ) {}

  /** The cache beside the workstation database (`<data dir>/blobs`), creating its key on first use. */
  static of(sqlite: Database.Database): LocalBlobs {
    let saved = readState(sqlite, CACHE_KEY_STATE);
    if (!saved) {
      saved = randomBytes(32).toString('base64');
      writeState(sqlite, CACHE_KEY_STATE, saved);
    }
    return new LocalBlobs(join(dirname(sqlite.name), 'blobs'), Buffer.from(saved, 'base64'));
  }

  /** Where the sealed copy of this content is (or would be). */
  pathOf(sha256: string): string {
    return join(this.dir, hmacHex(this.key, sha256));
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Store content under its address; content already here is not written again. */
  async put(plain: Uint8Array, sha256: string): Promise<void> {
    const file = this.pathOf(sha256);
    if (existsSync(file)) return;
    const sealed = await seal(plain, cacheAad(sha256), { epoch: 1, key: this.key });
    mkdirSync(this.dir, { recursive: true });
    // Written aside and renamed: a crash never leaves a half file under the real name.
    const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, sealed);
    renameSync(partial, file);
  }

  /** The verified plaintext, or null when this workstation does not have it. Throws BlobIntegrityError. */
  async get(sha256: string): Promise<Buffer | null> {
    const file = this.pathOf(sha256);
    if (!existsSync(file)) return null;
    try {
      return verified(await unseal(readFileSync(file), cacheAad(sha256), (epoch) => (epoch === 1 ? this.key : undefined)), sha256);
    } catch (error) {
      if (error instanceof SealError) throw new BlobIntegrityError();
      throw error;
    }
  }

  /** Drop a damaged copy, so the next open can fetch a good one. */
  discard(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }
}

/** The clinic's cloud, as far as blobs are concerned. */
export interface BlobCloud {
  objects: ObjectStore;
  clinicId: string;
  keys: DataKeys;
}

/** The object key of a blob: no file name, no title, and not the content hash itself. */
export function blobObjectKey(cloud: Pick<BlobCloud, 'clinicId' | 'keys'>, sha256: string): string {
  const first = cloud.keys.get(Math.min(...cloud.keys.keys()));
  if (!first) throw new Error('No data key');
  return layout.blob(cloud.clinicId, hmacHex(first, sha256));
}

/** The content a batch of ops refers to: the sha256 of every attachment they create. */
export function blobsReferenced(ops: readonly Pick<RemoteOp, 'table' | 'kind' | 'data'>[]): string[] {
  const found = new Set<string>();
  for (const op of ops) {
    const sha256 = op.data[BLOB_COLUMN];
    if (op.table === BLOB_TABLE && op.kind === 'insert' && typeof sha256 === 'string') found.add(sha256);
  }
  return [...found];
}

/**
 * Upload every blob these ops refer to that the cloud does not hold yet; the push calls this before it writes
 * the segment, so no reader ever sees a row whose content is not there. Content this workstation no longer has
 * (or holds damaged) cannot be uploaded: the row still goes, and opening it says the content is missing — holding
 * the whole clinic's sync back for one lost file would be worse.
 */
export async function uploadBlobs(cloud: BlobCloud, local: LocalBlobs, ops: readonly RemoteOp[]): Promise<number> {
  let uploaded = 0;
  for (const sha256 of blobsReferenced(ops)) {
    const key = blobObjectKey(cloud, sha256);
    const stored = await cloud.objects.list(key);
    if (stored.some((object) => object.key === key)) continue;
    let plain: Buffer | null;
    try {
      plain = await local.get(sha256);
    } catch (error) {
      if (error instanceof BlobIntegrityError) continue;
      throw error;
    }
    if (!plain) continue;
    await cloud.objects.put(key, await seal(plain, key, currentKey(cloud.keys)));
    uploaded += 1;
  }
  return uploaded;
}

/** Download and verify one blob; null when the cloud does not hold it. Throws BlobIntegrityError, StoreError. */
export async function fetchBlob(cloud: BlobCloud, sha256: string): Promise<Buffer | null> {
  const key = blobObjectKey(cloud, sha256);
  const sealed = await cloud.objects.get(key);
  if (!sealed) return null;
  try {
    return verified(await unseal(sealed, key, (epoch) => cloud.keys.get(epoch)), sha256);
  } catch (error) {
    if (error instanceof SealError) throw new BlobIntegrityError();
    throw error;
  }
}
