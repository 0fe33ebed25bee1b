/**
 * Workstations syncing through s3rver with the fault proxy on the line: the
 * sync target names s3rver (what the settings would hold), and `storeFor`
 * sends every request through the proxy with short timeouts, so a hanging
 * store fails in under a second instead of thirty.
 */
import type { SyncTarget } from '../../main/contract';
import { S3Store } from '../../main/sync/objects/s3';
import type { ObjectStore } from '../../main/sync/objects/types';
import type { FaultProxy } from './fault-proxy';
import type { S3Server } from './s3server';

export const SHORT_TIMEOUTS = { connectMs: 500, requestMs: 700 };

export function s3Target(server: S3Server, prefix: string): SyncTarget {
  const config = server.config(prefix);
  return {
    kind: 's3',
    endpoint: server.endpoint,
    region: config.region,
    bucket: config.bucket,
    prefix,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    forcePathStyle: true,
  };
}

/** storeFor: the target's bucket and prefix, reached through the proxy. */
export function throughProxy(server: S3Server, proxy: FaultProxy): (target: SyncTarget) => ObjectStore {
  return (target) => {
    if (target.kind !== 's3') throw new Error('These tests sync through S3');
    return new S3Store({ ...server.config(target.prefix), endpoint: proxy.endpoint, timeouts: SHORT_TIMEOUTS });
  };
}

/** Direct access to a target's objects, beside the workstations (what an admin with the bucket console can do). */
export function directStore(server: S3Server, target: SyncTarget): ObjectStore {
  if (target.kind !== 's3') throw new Error('These tests sync through S3');
  return new S3Store(server.config(target.prefix));
}

/** A message for the person at the desk: no stack trace, no source location, no error class dump. */
export const PLAIN_WORDS = /^(?![\s\S]*(\n\s+at |node_modules|\.ts:\d+|\.js:\d+|\[object |undefined))[\s\S]+$/;
