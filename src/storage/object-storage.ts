// The one interface every storage driver implements, and the rule every object key follows.
import type { Readable } from 'node:stream';
import type { StorageConfig } from '../config.js';

export interface PutOptions {
  contentType: string;
  cacheControl: string;
}

export interface StoredObject {
  size: number;
  /** The object's bytes; destroy it when not reading them (a HEAD request), so the file or connection is let go. */
  body: Readable;
}

export interface ObjectStorage {
  readonly driver: StorageConfig['driver'];
  /** Fails when the storage cannot be used (a missing bucket, an unwritable directory), to refuse to start. */
  check(): Promise<void>;
  /** Writes the whole object, or nothing: a reader never sees half of it. */
  put(key: string, body: Buffer, options: PutOptions): Promise<void>;
  /** Undefined when there is no such object. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Objects already gone are fine. */
  delete(keys: readonly string[]): Promise<void>;
}

// Keys are built by the server from ids and hashes, never by a client; this keeps a bug from becoming a path.
const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export function assertKey(key: string): string {
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.split('/').some((segment) => segment.startsWith('.'))) {
    throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  }
  return key;
}
