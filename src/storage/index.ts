// Where files live: one small interface, with a local-disk driver (the default, for one machine) and an
// S3-compatible one (for several instances, which must all see the same files).
import type { StorageConfig } from '../config.js';
import { LocalStorage } from './local.js';
import type { ObjectStorage } from './object-storage.js';
import { S3Storage } from './s3.js';

export type { ObjectStorage, PutOptions, StoredObject } from './object-storage.js';

export function createStorage(config: StorageConfig): ObjectStorage {
  return config.driver === 's3' ? new S3Storage(config) : new LocalStorage(config.dir);
}
