import { sniffMediaType } from '../storage/media-sniff';
import { AspectRatio } from '../types';
import { MediaProviderError } from './media-provider-error';
import { ImageGenerationRequest, ImageProvider } from './media-providers';
import { isRecord, ProviderCall, sameOrigin } from './provider-http';

export interface OpenAiCompatibleImageProviderOptions {
  /** API root, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; a local server may need none. */
  apiKey?: string;
  model: string;
  /** Limit for the whole call, download included. */
  timeoutMs: number;
  /** Largest image accepted (default 50 MiB). */
  maxBytes?: number;
}

/** The sizes OpenAI-style image APIs accept that are closest to each frame shape. */
export const OPENAI_IMAGE_SIZES: Record<AspectRatio, string> = {
  '1:1': '1024x1024',
  '9:16': '1024x1792',
  '16:9': '1792x1024',
};

/** `POST {baseUrl}/images/generations` on OpenAI or any server that speaks its images API. */
export class OpenAiCompatibleImageProvider implements ImageProvider {
  readonly name = 'openai-compatible';
  private readonly baseUrl: string;

  constructor(private readonly options: OpenAiCompatibleImageProviderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async generate(req: ImageGenerationRequest): Promise<{ png: Buffer; model: string }> {
    const call = new ProviderCall(this.name, this.options.timeoutMs, req.signal);
    try {
      const answer = await call.json(`${this.baseUrl}/images/generations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.authorization() },
        body: JSON.stringify({ model: this.options.model, prompt: req.prompt, n: 1, size: OPENAI_IMAGE_SIZES[req.aspectRatio], response_format: 'b64_json' }),
      });
      const image = firstImage(answer);
      if (!image) throw new MediaProviderError(this.name, null, 'the answer holds no image (expected data[0].b64_json or data[0].url)', 'invalid_response');
      const png = image.b64 !== undefined ? Buffer.from(image.b64, 'base64') : await this.downloadImage(call, image.url!);
      const type = sniffMediaType(png.subarray(0, 64));
      if (type !== 'image/png') {
        throw new MediaProviderError(this.name, null, `the image is ${type ?? 'not a recognised format'}, not a PNG`, 'invalid_response');
      }
      const model = isRecord(answer) && typeof answer.model === 'string' && answer.model ? answer.model : this.options.model;
      return { png, model };
    } finally {
      call.dispose();
    }
  }

  private downloadImage(call: ProviderCall, url: string): Promise<Buffer> {
    return call.download(url, this.options.maxBytes ?? 50 * 1024 * 1024, sameOrigin(url, this.baseUrl) ? this.authorization() : {});
  }

  private authorization(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }
}

function firstImage(answer: unknown): { b64?: string; url?: string } | null {
  const first = isRecord(answer) && Array.isArray(answer.data) ? answer.data[0] : undefined;
  if (!isRecord(first)) return null;
  if (typeof first.b64_json === 'string' && first.b64_json) return { b64: first.b64_json };
  if (typeof first.url === 'string' && /^https?:\/\//.test(first.url)) return { url: first.url };
  return null;
}
