// Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …): what lets several instances serve the same files.
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '../config.js';
import { assertKey, type ObjectStorage, type PutOptions, type StoredObject } from './object-storage.js';

export class S3Storage implements ObjectStorage {
  readonly driver = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // Without a key pair in the environment the SDK's own chain applies (shared profile, container or instance role).
      credentials: config.credentials,
      maxAttempts: 3,
    });
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = error instanceof S3ServiceException ? ` (HTTP ${error.$metadata.httpStatusCode ?? '?'}, ${error.name})` : '';
      throw new Error(`S3 bucket "${this.bucket}" cannot be used${status}: check S3_BUCKET, S3_ENDPOINT, S3_REGION and the AWS credentials`, { cause: error });
    }
  }

  async put(key: string, body: Buffer, options: PutOptions): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: assertKey(key), Body: body, ContentLength: body.length, ContentType: options.contentType, CacheControl: options.cacheControl }),
    );
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }));
      if (!(object.Body instanceof Readable) || object.ContentLength === undefined) throw new Error('S3 answered without a streamable body');
      return { size: object.ContentLength, body: object.Body };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  // One request per object rather than DeleteObjects, which some S3-compatible services (e.g. GCS) lack.
  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }))));
  }
}
