import { sniffMediaType } from '../storage/media-sniff';
import { MediaProviderError } from './media-provider-error';
import { VideoGenerationRequest, VideoProvider } from './media-providers';
import { isRecord, ProviderCall, sameOrigin } from './provider-http';

export interface AsyncVideoProviderOptions {
  /** API root, e.g. `https://api.replicate.com/v1`. */
  baseUrl: string;
  apiKey: string;
  /** `owner/name`, or a version (`owner/name:<id>` or a bare 64-hex id). */
  model: string;
  pollIntervalMs: number;
  /** Limit for the whole call: creation, polling and download. */
  timeoutMs: number;
  /** How long a generation usually takes; progress is estimated from it when the provider reports none (default 90 s). */
  expectedMs?: number;
  /** Largest video accepted (default 500 MiB). */
  maxBytes?: number;
}

type PredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

interface Prediction {
  id: string;
  status: PredictionStatus | string;
  urls?: { get?: string; cancel?: string };
  output?: unknown;
  error?: unknown;
  logs?: unknown;
  progress?: unknown;
}

/** How long a cancel request may take once the call itself is over. */
const CANCEL_TIMEOUT_MS = 5000;

/**
 * A video generator in the Replicate style: create a prediction, poll it until it settles, download its output.
 * A caller's abort or the time limit cancels the prediction first, so nobody pays for a video nobody will fetch.
 */
export class AsyncVideoProvider implements VideoProvider {
  readonly name = 'replicate';
  private readonly baseUrl: string;

  constructor(private readonly options: AsyncVideoProviderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async generate(req: VideoGenerationRequest): Promise<{ mp4: Buffer; model: string }> {
    const call = new ProviderCall(this.name, this.options.timeoutMs, req.signal);
    const progress = new ProgressReporter(req.onProgress);
    const startedAt = Date.now();
    let prediction: Prediction | null = null;
    try {
      prediction = req.resumeId ? await this.resumable(call, req.resumeId) : null;
      if (!prediction) {
        prediction = predictionFrom(await call.json(`${this.baseUrl}/predictions`, {
          method: 'POST',
          headers: this.headers({ 'content-type': 'application/json' }),
          body: JSON.stringify({ ...this.modelField(), input: { prompt: req.prompt, duration: req.durationSeconds, aspect_ratio: req.aspectRatio } }),
        }), this.name);
        await req.onStarted?.(prediction.id);
      }
      progress.report(0);
      while (!isSettled(prediction.status)) {
        await call.pause(this.options.pollIntervalMs);
        prediction = predictionFrom(await call.json(this.pollUrl(prediction), { headers: this.headers() }), this.name);
        progress.report(predictionProgress(prediction, Date.now() - startedAt, this.options.expectedMs ?? 90_000));
      }
      if (prediction.status !== 'succeeded') {
        const reason = prediction.status === 'canceled' ? 'the prediction was canceled' : `the prediction failed: ${describeError(prediction.error)}`;
        throw new MediaProviderError(this.name, null, reason, 'failed');
      }
      const url = outputUrl(prediction.output);
      if (!url) throw new MediaProviderError(this.name, null, 'the prediction succeeded without an output URL', 'invalid_response');
      const mp4 = await call.download(url, this.options.maxBytes ?? 500 * 1024 * 1024, sameOrigin(url, this.baseUrl) ? this.headers() : {});
      const type = sniffMediaType(mp4.subarray(0, 64));
      if (type !== 'video/mp4') throw new MediaProviderError(this.name, null, `the output is ${type ?? 'not a recognised format'}, not an MP4`, 'invalid_response');
      progress.done();
      return { mp4, model: this.options.model };
    } catch (err) {
      if (call.signal.aborted && prediction && !isSettled(prediction.status)) await this.cancel(prediction);
      throw err;
    } finally {
      call.dispose();
    }
  }

  /**
   * The prediction an earlier attempt started, when it is still running or has succeeded; null when it failed, was
   * cancelled or is unknown to the provider (a new one is started then).
   */
  private async resumable(call: ProviderCall, id: string): Promise<Prediction | null> {
    try {
      const found = predictionFrom(await call.json(`${this.baseUrl}/predictions/${encodeURIComponent(id)}`, { headers: this.headers() }), this.name);
      return found.status === 'failed' || found.status === 'canceled' ? null : found;
    } catch (err) {
      if (err instanceof MediaProviderError && err.status === 404) return null;
      throw err;
    }
  }

  private modelField(): { model: string } | { version: string } {
    const { model } = this.options;
    return model.includes(':') || /^[0-9a-f]{64}$/.test(model) ? { version: model } : { model };
  }

  /** `urls.get` when it points at the provider itself (the key is sent there), else the documented path. */
  private pollUrl(prediction: Prediction): string {
    const given = prediction.urls?.get;
    return given && sameOrigin(given, this.baseUrl) ? given : `${this.baseUrl}/predictions/${encodeURIComponent(prediction.id)}`;
  }

  /** Best effort, with its own short limit: the call's own signal is already aborted. */
  private async cancel(prediction: Prediction): Promise<void> {
    const given = prediction.urls?.cancel;
    const url = given && sameOrigin(given, this.baseUrl) ? given : `${this.baseUrl}/predictions/${encodeURIComponent(prediction.id)}/cancel`;
    try {
      const res = await fetch(url, { method: 'POST', headers: this.headers(), signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS) });
      await res.body?.cancel();
    } catch {
      // The prediction ends on its own at the provider's limit; the caller's error matters more than this one.
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json', ...extra };
  }
}

function predictionFrom(answer: unknown, provider: string): Prediction {
  if (!isRecord(answer) || typeof answer.id !== 'string' || !answer.id || typeof answer.status !== 'string') {
    throw new MediaProviderError(provider, null, 'the answer is not a prediction (expected id and status)', 'invalid_response');
  }
  return answer as unknown as Prediction;
}

function isSettled(status: string): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'canceled';
}

/** The provider's progress if it gives one, else the last percentage in its logs, else time spent over time expected. */
export function predictionProgress(prediction: Pick<Prediction, 'progress' | 'logs'>, elapsedMs: number, expectedMs: number): number {
  const given = isRecord(prediction.progress) ? prediction.progress.percentage : prediction.progress;
  if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return given > 1 ? given / 100 : given;
  if (typeof prediction.logs === 'string') {
    const percentages = [...prediction.logs.matchAll(/(\d{1,3}(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1])).filter((p) => p <= 100);
    if (percentages.length) return percentages[percentages.length - 1] / 100;
  }
  return Math.min(0.95, elapsedMs / Math.max(1, expectedMs));
}

/** Reports progress that only grows and stays below 1 until the file is in hand. */
class ProgressReporter {
  private last = -1;

  constructor(private readonly onProgress?: (fraction: number) => void) {}

  report(fraction: number): void {
    const next = Math.max(this.last, Math.min(0.99, Math.max(0, fraction)));
    if (next === this.last) return;
    this.last = next;
    this.onProgress?.(next);
  }

  done(): void {
    this.last = 1;
    this.onProgress?.(1);
  }
}

function outputUrl(output: unknown): string | null {
  const first = Array.isArray(output) ? output.find((item) => typeof item === 'string') : output;
  return typeof first === 'string' && /^https?:\/\//.test(first) ? first : null;
}

function describeError(error: unknown): string {
  if (typeof error === 'string' && error) return error;
  if (isRecord(error)) {
    const message = error.message ?? error.detail ?? error.error;
    if (typeof message === 'string' && message) return message;
  }
  return 'no reason given';
}
