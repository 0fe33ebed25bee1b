/**
 * A local or network folder as the cloud store: the embedded default, and
 * what a clinic without a cloud account can point at a shared drive. Keys map
 * to relative paths; every write goes to a temporary file first and is then
 * renamed (or hard-linked, for create-only) into place, so a reader never sees
 * half an object and a create never replaces one.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { StoreError, type ListedObject, type ObjectStore } from './types';

const TEMP_SUFFIX = '.partial';

export class FolderStore implements ObjectStore {
  readonly description: string;
  private skewMs: number | null = null;

  constructor(private readonly root: string) {
    this.description = `folder ${root}`;
  }

  async create(key: string, body: Uint8Array): Promise<'created' | 'exists'> {
    const path = await this.ensureParent(key);
    const temp = await this.writeTemp(path, body);
    try {
      await link(temp, path);
      return 'created';
    } catch (error) {
      if (codeOf(error) === 'EEXIST') return 'exists';
      throw this.failure(error);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const path = await this.ensureParent(key);
    const temp = await this.writeTemp(path, body);
    try {
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw this.failure(error);
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    await this.assertRoot();
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      throw this.failure(error);
    }
  }

  async list(prefix: string, startAfter?: string): Promise<ListedObject[]> {
    await this.assertRoot();
    // A prefix names a folder up to its last '/', then a start of a file name.
    const cut = prefix.lastIndexOf('/') + 1;
    const folder = this.pathOf(prefix.slice(0, cut));
    const found: ListedObject[] = [];
    await this.walk(folder, found);
    return found
      .filter((object) => object.key.startsWith(prefix) && (startAfter === undefined || object.key > startAfter))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw this.failure(error);
    }
  }

  clockSkewMs(): number | null {
    return this.skewMs;
  }

  private async walk(folder: string, found: ListedObject[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return;
      throw this.failure(error);
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        await this.walk(path, found);
      } else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)) {
        const info = await stat(path).catch(() => null);
        if (!info) continue; // deleted while listing
        const key = relative(this.root, path).split(sep).join('/');
        found.push({ key, size: info.size, etag: `${info.ino}-${info.mtimeMs}-${info.size}` });
      }
    }
  }

  private async writeTemp(path: string, body: Uint8Array): Promise<string> {
    const temp = `${path}.${randomUUID()}${TEMP_SUFFIX}`;
    try {
      const before = Date.now();
      await writeFile(temp, body);
      // A network share stamps files with its own clock: that is the store's time.
      const written = await stat(temp);
      this.skewMs = Math.round(written.mtimeMs - before);
      if (Math.abs(this.skewMs) < 2000) this.skewMs = 0;
      return temp;
    } catch (error) {
      await rm(temp, { force: true });
      throw this.failure(error);
    }
  }

  private async ensureParent(key: string): Promise<string> {
    await this.assertRoot();
    const path = this.pathOf(key);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw this.failure(error);
    }
    return path;
  }

  private async assertRoot(): Promise<void> {
    try {
      const info = await stat(this.root);
      if (!info.isDirectory()) throw new StoreError('missing', `The sync folder ${this.root} is not a folder.`);
    } catch (error) {
      throw this.failure(error);
    }
  }

  private pathOf(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '.')) throw new Error(`Invalid object key`);
    return join(this.root, ...key.split('/').filter(Boolean));
  }

  private failure(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const code = codeOf(error);
    if (code === 'ENOENT')
      return new StoreError('missing', `The sync folder ${this.root} cannot be found. Is the drive connected?`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return new StoreError('denied', `This workstation may not write to the sync folder ${this.root}.`, { cause: error });
    return new StoreError('unreachable', `The sync folder ${this.root} cannot be reached (${code ?? 'error'}).`, { cause: error });
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
