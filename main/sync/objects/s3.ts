/**
 * An S3 bucket (AWS or any S3-compatible service) as the cloud store. Keys are
 * relative to an optional prefix, so several clinics or test runs can share a
 * bucket. The engine retries with its own backoff, so the SDK makes at most
 * one quick retry, and every failure becomes a StoreError whose message names
 * the bucket and host only: never a credential, never an object key.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { StoreError, type ListedObject, type ObjectStore, type StoreFailure } from './types';

export interface S3StoreConfig {
  /** Empty for AWS; the URL of an S3-compatible service otherwise. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path instead of the host name (most self-hosted services need it). */
  forcePathStyle?: boolean;
  /** Keys are stored under this prefix; a missing trailing '/' is added. */
  prefix?: string;
  /** Tests shorten these to see a hanging store fail fast. */
  timeouts?: { connectMs?: number; requestMs?: number };
}

/** Below the Date header's 1 s resolution plus a round trip: not a skew worth reporting. */
const SKEW_NOISE_MS = 2000;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED/;
const DENIED_NAMES = new Set([
  'AccessDenied',
  'AllAccessDisabled',
  'AccountProblem',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'InvalidSecurity',
  'Forbidden',
]);

export class S3Store implements ObjectStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly where: string;
  private skewMs: number | null = null;

  constructor(config: S3StoreConfig) {
    this.bucket = config.bucket;
    this.prefix = normalizePrefix(config.prefix);
    this.where = config.endpoint ? hostOf(config.endpoint) : 'AWS';
    this.description = `S3 bucket ${config.bucket} at ${this.where}`;
    // The SDK is pinned (package.json) precisely because later releases need Node 22; its warning says what we know.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.client = new S3Client({
      endpoint: config.endpoint || undefined,
      region: config.region,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      forcePathStyle: config.forcePathStyle ?? false,
      // Checksums on by default make the SDK stream bodies with chunk framing, which some S3-compatible services store verbatim.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A wrong region in the settings is common and the bucket's answer says which is right.
      followRegionRedirects: true,
      maxAttempts: 2,
      requestHandler: {
        connectionTimeout: config.timeouts?.connectMs ?? 5_000,
        requestTimeout: config.timeouts?.requestMs ?? 30_000,
        // The request timeout ends when headers arrive; a body that stalls after that is caught by the idle timeout.
        socketTimeout: config.timeouts?.requestMs ?? 30_000,
        throwOnRequestTimeout: true,
      },
    });
    // Innermost in the deserialize step: sees every raw response, errors and retries included, before it is parsed.
    this.client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        this.observeDate(result.response);
        return result;
      },
      { step: 'deserialize', priority: 'low', name: 'outpostClockSkew' },
    );
  }

  async create(key: string, body: Uint8Array): Promise<'created' | 'exists'> {
    try {
      await this.client.send(new PutObjectCommand({ ...this.target(key), Body: body, IfNoneMatch: '*' }));
      return 'created';
    } catch (error) {
      // 412: the key is taken. 409: another conditional write to it is in flight, and one of us must lose.
      const status = statusOf(error);
      if (status === 412 || status === 409) return 'exists';
      throw this.failure(error);
    }
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand({ ...this.target(key), Body: body }));
    } catch (error) {
      throw this.failure(error);
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const output = await this.client.send(new GetObjectCommand(this.target(key)));
      if (!output.Body) return new Uint8Array();
      return await output.Body.transformToByteArray();
    } catch (error) {
      if (nameOf(error) === 'NoSuchKey') return null;
      throw this.failure(error);
    }
  }

  async list(prefix: string, startAfter?: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    let token: string | undefined;
    try {
      do {
        const page: ListObjectsV2CommandOutput = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            StartAfter: startAfter ? this.prefix + startAfter : undefined,
            ContinuationToken: token,
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined || !object.Key.startsWith(this.prefix)) continue;
          found.push({ key: object.Key.slice(this.prefix.length), size: object.Size ?? 0, etag: unquote(object.ETag ?? '') });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw this.failure(error);
    }
    // S3 already sorts by UTF-8 bytes; some compatible services don't, and callers rely on the order.
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand(this.target(key)));
    } catch (error) {
      if (nameOf(error) === 'NoSuchKey') return;
      throw this.failure(error);
    }
  }

  clockSkewMs(): number | null {
    return this.skewMs;
  }

  private target(key: string): { Bucket: string; Key: string } {
    return { Bucket: this.bucket, Key: this.prefix + key };
  }

  private observeDate(response: unknown): void {
    if (!isRecord(response) || !isRecord(response.headers)) return;
    const date = response.headers.date;
    if (typeof date !== 'string') return;
    const server = Date.parse(date);
    if (Number.isNaN(server)) return;
    const skew = server - Date.now();
    this.skewMs = Math.abs(skew) < SKEW_NOISE_MS ? 0 : skew;
  }

  private failure(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const [kind, message] = this.explain(error);
    return new StoreError(kind, message, { cause: error });
  }

  /** What went wrong, for the person at the desk: bucket and host only. */
  private explain(error: unknown): [StoreFailure, string] {
    const [name, code, status] = [nameOf(error), codeOf(error), statusOf(error)];
    const at = `The cloud storage at ${this.where}`;
    if ((code && NETWORK_CODES.has(code)) || (name && NETWORK_NAMES.has(name)) || /socket hang up/i.test(messageOf(error)))
      return [
        'unreachable',
        `${at} cannot be reached (${code ?? name ?? 'no answer'}). Check this workstation's internet connection; sync resumes by itself.`,
      ];
    if (code && TLS_CODES.test(code))
      return [
        'unreachable',
        `The connection to ${this.where} is not trusted (${code}). A network that intercepts web traffic (hotel or guest Wi-Fi) can cause this.`,
      ];
    if (name === 'RequestTimeTooSkewed')
      return ['denied', `${at} refused this workstation because its clock is wrong. Correct its date and time in the system settings.`];
    if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch')
      return ['denied', `${at} did not accept the access key. Check the access key id and secret in the sync settings.`];
    if (status === 401 || status === 403 || (name && DENIED_NAMES.has(name)))
      return [
        'denied',
        `The access key may not use bucket ${this.bucket} at ${this.where}. Ask whoever manages the cloud account to allow read, write, list and delete.`,
      ];
    if (name === 'NoSuchBucket' || name === 'InvalidBucketName')
      return ['missing', `There is no bucket ${this.bucket} at ${this.where}. Check the bucket name and region in the sync settings.`];
    if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301)
      return ['missing', `Bucket ${this.bucket} is not in the region given in the sync settings. Check the region.`];
    if (status !== undefined && status >= 500)
      return ['server', `${at} has a problem of its own (${name ?? status}). Sync retries by itself.`];
    if (status !== undefined)
      return ['server', `${at} refused a request (${name ?? status}). Sync retries by itself; if this persists, check the sync settings.`];
    return ['server', `Talking to the cloud storage at ${this.where} failed (${name ?? code ?? 'unknown error'}). Sync retries by itself.`];
  }
}

function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'the configured endpoint';
  }
}

function unquote(etag: string): string {
  return etag.replace(/^"(.*)"$/, '$1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nameOf(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  const name = typeof error.Code === 'string' ? error.Code : error.name;
  // The SDK names errors without a parsable body after their status ('Unknown', or the bare code number).
  return typeof name === 'string' && name !== 'Error' && name !== 'Unknown' ? name : undefined;
}

function codeOf(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

function statusOf(error: unknown): number | undefined {
  if (!isRecord(error) || !isRecord(error.$metadata)) return undefined;
  const status = error.$metadata.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
