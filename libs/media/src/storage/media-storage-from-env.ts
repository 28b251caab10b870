import { join } from 'node:path';
import { LocalMediaStorage } from './local-media-storage';
import { MediaStorage, MediaStorageError } from './media-storage';
import { S3MediaStorage, S3MediaStorageOptions } from './s3-media-storage';
import { mediaSigningKeyFromEnv } from './signing-key';

export interface MediaStorageSetting {
  /** The service's data directory; local media goes under `<dataDir>/media`. */
  dataDir: string;
  /** Public origin of the gateway that serves signed local links. */
  publicBaseUrl: string;
}

/** S3 settings from `MEDIA_S3_*`; credentials come from the SDK's standard environment. */
export function s3OptionsFromEnv(env: NodeJS.ProcessEnv = process.env): S3MediaStorageOptions {
  const bucket = env.MEDIA_S3_BUCKET?.trim();
  if (!bucket) throw new MediaStorageError('configuration', 'MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET');
  return {
    bucket,
    endpoint: env.MEDIA_S3_ENDPOINT?.trim() || undefined,
    region: env.MEDIA_S3_REGION?.trim() || 'us-east-1',
    forcePathStyle: parseFlag(env.MEDIA_S3_FORCE_PATH_STYLE, 'MEDIA_S3_FORCE_PATH_STYLE'),
  };
}

/** An S3 bucket when `MEDIA_STORAGE=s3` or a bucket is configured, else local disk under `<dataDir>/media`. */
export function mediaStorageFromEnv(setting: MediaStorageSetting, env: NodeJS.ProcessEnv = process.env): MediaStorage {
  const kind = env.MEDIA_STORAGE?.trim().toLowerCase();
  if (kind && kind !== 's3' && kind !== 'local') throw new MediaStorageError('configuration', `MEDIA_STORAGE must be local or s3, not ${kind}`);
  if (kind === 's3' || (kind !== 'local' && env.MEDIA_S3_BUCKET?.trim())) return new S3MediaStorage(s3OptionsFromEnv(env));
  return new LocalMediaStorage({
    root: join(setting.dataDir, 'media'),
    publicBaseUrl: setting.publicBaseUrl,
    signingKey: mediaSigningKeyFromEnv(env, setting.dataDir),
  });
}

function parseFlag(value: string | undefined, name: string): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return false;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new MediaStorageError('configuration', `${name} must be true or false, not ${value}`);
}
