// Files on this machine's disk, under UPLOAD_DIR: fine for one instance, or for several sharing a network file system.
import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertKey, type ObjectStorage, type StoredObject } from './object-storage.js';

export class LocalStorage implements ObjectStorage {
  readonly driver = 'local';

  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, assertKey(key));
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.W_OK);
  }

  // Content type and caching are the route's business here: a file has nowhere to keep them.
  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name beside its final one, then renamed into place (atomic on one file system).
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, body, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    let file;
    try {
      file = await open(this.path(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await file.stat();
      return { size, body: file.createReadStream() };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.path(key), { force: true })));
  }
}
