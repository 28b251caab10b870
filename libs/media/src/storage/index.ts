export * from './media-storage';
export * from './media-key';
export * from './signed-media-url';
export * from './signing-key';
export * from './local-media-storage';
export * from './s3-media-storage';
export * from './media-storage-from-env';
export * from './media-sniff';
export { MAX_SIGNED_URL_SECONDS } from './storage-checks';
