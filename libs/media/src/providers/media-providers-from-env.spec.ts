import { AsyncVideoProvider } from './async-video-provider';
import { imageProviderFromEnv, videoProviderFromEnv } from './media-providers-from-env';
import { OpenAiCompatibleImageProvider } from './openai-compatible-image-provider';

describe('imageProviderFromEnv', () => {
  it('is null when no provider is named (the offline renderer is used)', () => {
    expect(imageProviderFromEnv({})).toBeNull();
    expect(imageProviderFromEnv({ MEDIA_IMAGE_API_KEY: 'sk' })).toBeNull();
  });

  it('builds the OpenAI-compatible adapter', () => {
    expect(imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'openai-compatible', MEDIA_IMAGE_API_KEY: 'sk' })).toBeInstanceOf(OpenAiCompatibleImageProvider);
    expect(imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'openai-compatible', MEDIA_IMAGE_BASE_URL: 'http://127.0.0.1:8080/v1' })?.name).toBe('openai-compatible');
  });

  it('names what is wrong in a half-done configuration', () => {
    expect(() => imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'openai-compatible' })).toThrow(/MEDIA_IMAGE_API_KEY/);
    expect(() => imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'midjourney' })).toThrow(/must be openai-compatible/);
    expect(() => imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'openai-compatible', MEDIA_IMAGE_API_KEY: 'sk', MEDIA_IMAGE_BASE_URL: 'ftp://x' })).toThrow(/http\(s\) URL/);
    expect(() => imageProviderFromEnv({ MEDIA_IMAGE_PROVIDER: 'openai-compatible', MEDIA_IMAGE_API_KEY: 'sk', MEDIA_IMAGE_TIMEOUT_MS: 'soon' })).toThrow(/MEDIA_IMAGE_TIMEOUT_MS/);
  });
});

describe('videoProviderFromEnv', () => {
  it('is null when no provider is named', () => {
    expect(videoProviderFromEnv({})).toBeNull();
  });

  it('builds the Replicate-style adapter', () => {
    const provider = videoProviderFromEnv({ MEDIA_VIDEO_PROVIDER: 'replicate', MEDIA_VIDEO_API_KEY: 'r8', MEDIA_VIDEO_MODEL: 'acme/video' });
    expect(provider).toBeInstanceOf(AsyncVideoProvider);
    expect(provider?.name).toBe('replicate');
  });

  it('needs a key and a model', () => {
    expect(() => videoProviderFromEnv({ MEDIA_VIDEO_PROVIDER: 'replicate', MEDIA_VIDEO_MODEL: 'acme/video' })).toThrow(/MEDIA_VIDEO_API_KEY/);
    expect(() => videoProviderFromEnv({ MEDIA_VIDEO_PROVIDER: 'replicate', MEDIA_VIDEO_API_KEY: 'r8' })).toThrow(/MEDIA_VIDEO_MODEL/);
    expect(() => videoProviderFromEnv({ MEDIA_VIDEO_PROVIDER: 'runway' })).toThrow(/must be replicate/);
  });
});
