/** The object store for a configured sync target. */
import type { SyncTarget } from '../../contract/sync';
import { FolderStore } from './folder';
import { S3Store } from './s3';
import type { ObjectStore } from './types';

export function objectStoreFor(target: SyncTarget): ObjectStore {
  if (target.kind === 'folder') return new FolderStore(target.path);
  return new S3Store({
    endpoint: target.endpoint || undefined,
    region: target.region,
    bucket: target.bucket,
    prefix: target.prefix || undefined,
    accessKeyId: target.accessKeyId,
    secretAccessKey: target.secretAccessKey,
    forcePathStyle: target.forcePathStyle,
  });
}
