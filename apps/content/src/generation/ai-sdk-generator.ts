import { APICallError, generateText, Output, RetryError, streamText, type LanguageModel, type LanguageModelUsage } from 'ai';
import type { z } from 'zod';
import { buildPrompt, structureFromText } from './prompt';
import { buildRewritePrompt, captionFromModel } from './rewrite-prompt';
import { createTextStream, throwIfAborted } from './stream';
import { estimateTokens } from './text';
import {
  GenerationError, type GenerateOptions, type GenerationRequest, type GenerationUsage, type RewriteRequest, type RewriteResult,
  type TextGenerator, type TextStream,
} from './types';

export interface AiSdkGeneratorOptions {
  model: LanguageModel;
  /** `provider/model`, recorded on every content item. */
  modelId: string;
  /** Whole-call budget, retries included. */
  timeoutMs: number;
  /** Longest silence allowed between two streamed chunks once the stream has started. */
  idleTimeoutMs?: number;
  /**
   * Retries on 408/409/429/5xx and network errors, done by the AI SDK: exponential backoff from 2 s (factor 2) that
   * honours `retry-after-ms` / `retry-after` headers below one minute.
   */
  maxRetries: number;
  temperature?: number;
  /** Room for the longest piece (a long article is about 1,200 tokens); also stops providers guessing a cap. */
  maxOutputTokens: number;
}

/** A remote model behind the TextGenerator port (OpenAI, Anthropic, Google or any OpenAI-compatible server). */
export class AiSdkTextGenerator implements TextGenerator {
  readonly model: string;

  constructor(private readonly options: AiSdkGeneratorOptions) {
    this.model = options.modelId;
  }

  stream(request: GenerationRequest, options: GenerateOptions = {}): TextStream {
    const o = this.options;
    const modelId = this.model;
    return createTextStream(async function* () {
      throwIfAborted(options.signal);
      const { system, prompt } = buildPrompt(request);
      const result = streamText({
        model: o.model, system, prompt, maxRetries: o.maxRetries, abortSignal: options.signal,
        timeout: { totalMs: o.timeoutMs, ...(o.idleTimeoutMs ? { chunkMs: o.idleTimeoutMs } : {}) },
        temperature: o.temperature, maxOutputTokens: o.maxOutputTokens,
        // Errors arrive as stream parts and are rethrown below; the SDK's default handler would only log them.
        onError: () => undefined,
      });
      let text = '';
      let usage: LanguageModelUsage | undefined;
      for await (const part of result.fullStream) {
        switch (part.type) {
          case 'text-delta':
            if (part.text) {
              text += part.text;
              yield part.text;
            }
            break;
          case 'finish':
            usage = part.totalUsage;
            break;
          case 'error':
            throw toGenerationError(part.error, options.signal);
          case 'abort':
            throw abortError(options.signal);
          default:
            break;
        }
      }
      throwIfAborted(options.signal);
      if (!text.trim()) throw new GenerationError('bad_response', 'The model returned no text');
      return { usage: usageOf(usage, modelId, system + prompt, text), result: structureFromText(text, request) };
    });
  }

  async generateObject<T>(request: GenerationRequest, schema: z.ZodType<T>, options: GenerateOptions = {}): Promise<{ object: T; usage: GenerationUsage }> {
    throwIfAborted(options.signal);
    const { system, prompt } = buildPrompt(request);
    try {
      const result = await generateText({
        model: this.options.model, system, prompt: `${prompt}\nAnswer with JSON matching the schema.`,
        output: Output.object({ schema }), maxRetries: this.options.maxRetries, abortSignal: options.signal,
        timeout: { totalMs: this.options.timeoutMs }, temperature: this.options.temperature,
        maxOutputTokens: this.options.maxOutputTokens,
      });
      return { object: result.output as T, usage: usageOf(result.totalUsage, this.model, system + prompt, JSON.stringify(result.output)) };
    } catch (error) {
      throw toGenerationError(error, options.signal);
    }
  }

  /** Caption variants: one prompt per style, answered in one piece (a variant is short; nothing is streamed). */
  async rewrite(request: RewriteRequest, options: GenerateOptions = {}): Promise<RewriteResult> {
    throwIfAborted(options.signal);
    const { system, prompt } = buildRewritePrompt(request);
    let text: string;
    let usage: LanguageModelUsage | undefined;
    try {
      const result = await generateText({
        model: this.options.model, system, prompt, maxRetries: this.options.maxRetries, abortSignal: options.signal,
        timeout: { totalMs: this.options.timeoutMs }, temperature: this.options.temperature, maxOutputTokens: this.options.maxOutputTokens,
      });
      text = result.text;
      usage = result.totalUsage;
    } catch (error) {
      throw toGenerationError(error, options.signal);
    }
    if (!text.trim()) throw new GenerationError('bad_response', 'The model returned no text');
    return { caption: captionFromModel(text, request), usage: usageOf(usage, this.model, system + prompt, text) };
  }
}

/** Providers that do not report usage (some local servers) get an estimate rather than zero. */
function usageOf(usage: LanguageModelUsage | undefined, model: string, input: string, output: string): GenerationUsage {
  return {
    inputTokens: usage?.inputTokens ?? estimateTokens(input),
    outputTokens: usage?.outputTokens ?? estimateTokens(output),
    model,
  };
}

function abortError(signal: AbortSignal | undefined): GenerationError {
  // The caller's signal means a cancel (client gone); otherwise the SDK's own timeout fired.
  if (signal?.aborted) {
    try {
      throwIfAborted(signal);
    } catch (error) {
      if (error instanceof GenerationError) return error;
    }
  }
  return new GenerationError('timeout', 'The model did not finish in time');
}

/** Maps AI SDK and HTTP failures onto the port's error codes, keeping the cause for logs. */
export function toGenerationError(error: unknown, signal?: AbortSignal): GenerationError {
  if (error instanceof GenerationError) return error;
  if (signal?.aborted) return abortError(signal);
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1;
  const suffix = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (last instanceof Error && (last.name === 'TimeoutError' || last.name === 'AbortError')) {
    return new GenerationError('timeout', 'The model did not answer in time', undefined, { cause: error });
  }
  if (APICallError.isInstance(last)) {
    const status = last.statusCode;
    if (status === 429) return new GenerationError('rate_limited', `The model provider is rate limiting${suffix}`, 429, { cause: error });
    if (status === 401 || status === 403) return new GenerationError('config_error', `The model provider refused the credentials (${status})`, status, { cause: error });
    if (status === 408) return new GenerationError('timeout', `The model provider timed out${suffix}`, 408, { cause: error });
    return new GenerationError('provider_error', `The model provider failed${status ? ` with ${status}` : ''}${suffix}`, status, { cause: error });
  }
  const name = last instanceof Error ? last.name : '';
  if (/TypeValidation|JSONParse|InvalidResponse|NoObjectGenerated|NoOutput|EmptyResponse/i.test(name)) {
    return new GenerationError('bad_response', 'The model provider sent a response that could not be read', undefined, { cause: error });
  }
  return new GenerationError('provider_error', last instanceof Error ? last.message : 'The model provider failed', undefined, { cause: error });
}
