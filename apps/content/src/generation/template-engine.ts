import type { z } from 'zod';
import { compose } from './compose';
import { TEMPLATE_LANGUAGES } from './phrases';
import { rewriteCaption } from './rewrite';
import { createTextStream, throwIfAborted } from './stream';
import { estimateTokens, wordChunks } from './text';
import {
  GenerationError, type GenerateOptions, type GeneratedContent, type GenerationRequest, type GenerationUsage, type RewriteRequest,
  type RewriteResult, type TextGenerator, type TextStream,
} from './types';

export const TEMPLATE_MODEL = 'builtin/template-v1';
export { TEMPLATE_LANGUAGES };

export interface TemplateEngineOptions {
  /** Pause between streamed words, for demos that want a typing effect; 0 by default. */
  chunkDelayMs?: number;
}

/** Yield to the event loop every so many chunks so a long article never blocks other requests. */
const YIELD_EVERY = 48;

/**
 * The offline writer behind the TextGenerator port: no network, no keys, deterministic per seed. Streams the body
 * word by word exactly like a remote model would, so the content service treats both the same way.
 */
export class TemplateEngine implements TextGenerator {
  readonly model = TEMPLATE_MODEL;

  constructor(private readonly options: TemplateEngineOptions = {}) {}

  /** The structured piece, synchronously. */
  compose(request: GenerationRequest): GeneratedContent {
    return compose(request);
  }

  stream(request: GenerationRequest, options: GenerateOptions = {}): TextStream {
    const delay = this.options.chunkDelayMs ?? 0;
    const usageFor = (content: GeneratedContent) => this.usage(request, content);
    return createTextStream(async function* () {
      throwIfAborted(options.signal);
      const content = compose(request);
      const chunks = wordChunks(content.body);
      for (let i = 0; i < chunks.length; i++) {
        throwIfAborted(options.signal);
        yield chunks[i];
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        else if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
      }
      throwIfAborted(options.signal);
      return { usage: usageFor(content), result: content };
    });
  }

  /**
   * The engine only knows how to write a GeneratedContent; the schema decides whether that shape is acceptable
   * (use `generatedContentSchema` or a compatible one).
   */
  async generateObject<T>(request: GenerationRequest, schema: z.ZodType<T>, options: GenerateOptions = {}): Promise<{ object: T; usage: GenerationUsage }> {
    throwIfAborted(options.signal);
    const content = compose(request);
    const parsed = schema.safeParse(content);
    if (!parsed.success) {
      throw new GenerationError('bad_response', `The template engine's output does not match the requested schema: ${parsed.error.message}`);
    }
    return { object: parsed.data, usage: this.usage(request, content) };
  }

  /** Caption variants: the caption taken apart and written again in the style (see rewrite.ts). */
  async rewrite(request: RewriteRequest, options: GenerateOptions = {}): Promise<RewriteResult> {
    throwIfAborted(options.signal);
    const caption = rewriteCaption(request);
    return { caption, usage: { inputTokens: estimateTokens(request.caption), outputTokens: estimateTokens(caption), model: TEMPLATE_MODEL } };
  }

  /** What a model would have read (persona and brief) and written (the body). */
  private usage(request: GenerationRequest, content: GeneratedContent): GenerationUsage {
    const input = [request.agent.persona_prompt ?? '', JSON.stringify(request.product), request.content_type, request.format].join('\n');
    return { inputTokens: estimateTokens(input), outputTokens: estimateTokens(content.body), model: TEMPLATE_MODEL };
  }
}
