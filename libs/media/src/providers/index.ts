export * from './media-providers';
export * from './media-provider-error';
export { errorMessageFromBody } from './provider-http';
export * from './openai-compatible-image-provider';
export * from './async-video-provider';
export * from './media-providers-from-env';
