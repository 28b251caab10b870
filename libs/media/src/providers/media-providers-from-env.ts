import { AsyncVideoProvider } from './async-video-provider';
import { ImageProvider, VideoProvider } from './media-providers';
import { OpenAiCompatibleImageProvider } from './openai-compatible-image-provider';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const REPLICATE_BASE_URL = 'https://api.replicate.com/v1';

/**
 * The remote image generator named by `MEDIA_IMAGE_PROVIDER` (`openai-compatible`, with `MEDIA_IMAGE_BASE_URL`,
 * `MEDIA_IMAGE_API_KEY`, `MEDIA_IMAGE_MODEL`, `MEDIA_IMAGE_TIMEOUT_MS`), or null when none is configured and the
 * offline renderer should be used. A half-done configuration throws, naming what is missing.
 */
export function imageProviderFromEnv(env: NodeJS.ProcessEnv = process.env): ImageProvider | null {
  const kind = env.MEDIA_IMAGE_PROVIDER?.trim().toLowerCase();
  if (!kind || kind === 'offline' || kind === 'none') return null;
  if (kind !== 'openai-compatible') throw configurationError('image', `MEDIA_IMAGE_PROVIDER must be openai-compatible (or unset for offline images), not ${kind}`);
  const baseUrl = url(env.MEDIA_IMAGE_BASE_URL, 'MEDIA_IMAGE_BASE_URL', 'image') ?? OPENAI_BASE_URL;
  const apiKey = env.MEDIA_IMAGE_API_KEY?.trim() || undefined;
  // OpenAI itself always needs a key; a self-hosted server named by its URL may not.
  if (!apiKey && baseUrl === OPENAI_BASE_URL) throw configurationError('image', 'MEDIA_IMAGE_PROVIDER=openai-compatible needs MEDIA_IMAGE_API_KEY (or MEDIA_IMAGE_BASE_URL for a server without keys)');
  return new OpenAiCompatibleImageProvider({
    baseUrl,
    apiKey,
    model: env.MEDIA_IMAGE_MODEL?.trim() || 'dall-e-3',
    timeoutMs: positiveInt(env.MEDIA_IMAGE_TIMEOUT_MS, 'MEDIA_IMAGE_TIMEOUT_MS', 'image') ?? 120_000,
  });
}

/**
 * The remote video generator named by `MEDIA_VIDEO_PROVIDER` (`replicate`, with `MEDIA_VIDEO_BASE_URL`,
 * `MEDIA_VIDEO_API_KEY`, `MEDIA_VIDEO_MODEL`, `MEDIA_VIDEO_TIMEOUT_MS`, `MEDIA_VIDEO_POLL_INTERVAL_MS`), or null when
 * none is configured and the offline renderer should be used.
 */
export function videoProviderFromEnv(env: NodeJS.ProcessEnv = process.env): VideoProvider | null {
  const kind = env.MEDIA_VIDEO_PROVIDER?.trim().toLowerCase();
  if (!kind || kind === 'offline' || kind === 'none') return null;
  if (kind !== 'replicate') throw configurationError('video', `MEDIA_VIDEO_PROVIDER must be replicate (or unset for offline videos), not ${kind}`);
  const apiKey = env.MEDIA_VIDEO_API_KEY?.trim();
  if (!apiKey) throw configurationError('video', 'MEDIA_VIDEO_PROVIDER=replicate needs MEDIA_VIDEO_API_KEY');
  const model = env.MEDIA_VIDEO_MODEL?.trim();
  if (!model) throw configurationError('video', 'MEDIA_VIDEO_PROVIDER=replicate needs MEDIA_VIDEO_MODEL (owner/name or a version id)');
  return new AsyncVideoProvider({
    baseUrl: url(env.MEDIA_VIDEO_BASE_URL, 'MEDIA_VIDEO_BASE_URL', 'video') ?? REPLICATE_BASE_URL,
    apiKey,
    model,
    timeoutMs: positiveInt(env.MEDIA_VIDEO_TIMEOUT_MS, 'MEDIA_VIDEO_TIMEOUT_MS', 'video') ?? 600_000,
    pollIntervalMs: positiveInt(env.MEDIA_VIDEO_POLL_INTERVAL_MS, 'MEDIA_VIDEO_POLL_INTERVAL_MS', 'video') ?? 2000,
    // Storage refuses videos over 200 MiB: nothing larger is worth downloading.
    maxBytes: 200 * 1024 * 1024,
  });
}

function url(value: string | undefined, name: string, kind: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!/^https?:\/\/[^/]/.test(v)) throw configurationError(kind, `${name} must be an http(s) URL, not ${v}`);
  return v.replace(/\/+$/, '');
}

function positiveInt(value: string | undefined, name: string, kind: string): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw configurationError(kind, `${name} must be a positive whole number of milliseconds, not ${v}`);
  return Number(v);
}

/** A start-up refusal: the settings are wrong, no provider was called. */
function configurationError(kind: string, message: string): Error {
  return new Error(`media ${kind} provider: ${message}`);
}
