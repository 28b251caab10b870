import { Injectable } from '@nestjs/common';
import {
  createTextGenerator, llmConfigFromEnv, resolveLlmConfig, TemplateEngine, type LlmConfig, type ResolvedLlmConfig,
  type TextGenerator,
} from '../generation';
import { ContentRepository } from '../items/content.repository';

/** Fields an organization or agent override may set; credentials and headers only ever come from the environment. */
const OVERRIDABLE: Array<keyof LlmConfig> = [
  'provider', 'model', 'baseUrl', 'name', 'openaiApi', 'timeoutMs', 'idleTimeoutMs', 'maxRetries', 'temperature', 'maxOutputTokens',
];

function overrideLayer(value: unknown): LlmConfig | null {
  if (!value || typeof value !== 'object') return null;
  const out: Record<string, unknown> = {};
  for (const key of OVERRIDABLE) if ((value as Record<string, unknown>)[key] !== undefined) out[key] = (value as Record<string, unknown>)[key];
  return out as LlmConfig;
}

const SETTINGS_TTL_MS = 30_000;

/**
 * Picks the text generator for a piece: the environment's model, overridden per organization and per agent
 * (`content.generation_settings`), or the offline template engine when nothing is configured. Generators are
 * cached per effective configuration; settings for 30 s.
 */
@Injectable()
export class GeneratorProvider {
  private readonly env: LlmConfig;
  private readonly generators = new Map<string, TextGenerator>();
  private readonly settings = new Map<string, { at: number; value: Promise<{ organization: unknown; agent: unknown }> }>();

  constructor(private readonly items: ContentRepository) {
    // A malformed LLM_PROVIDER stops the service at start, not at the first request.
    this.env = llmConfigFromEnv();
    this.build(resolveLlmConfig(this.env));
  }

  async forAgent(organizationId: string, livemode: boolean, agentId: string): Promise<{ generator: TextGenerator; config: ResolvedLlmConfig }> {
    const key = `${organizationId}|${livemode}|${agentId}`;
    let cached = this.settings.get(key);
    if (!cached || Date.now() - cached.at > SETTINGS_TTL_MS) {
      cached = { at: Date.now(), value: this.items.generationSettings(organizationId, livemode, agentId) };
      cached.value.catch(() => this.settings.delete(key));
      this.settings.set(key, cached);
      if (this.settings.size > 10_000) this.settings.clear();
    }
    const layers = await cached.value;
    const config = resolveLlmConfig(this.env, overrideLayer(layers.organization), overrideLayer(layers.agent));
    return { generator: this.build(config), config };
  }

  private build(config: ResolvedLlmConfig): TextGenerator {
    // Read per call: a demo can slow the offline engine down to watch it type.
    const delay = Number(process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS ?? 0) || 0;
    const key = JSON.stringify({ ...config, delay });
    let generator = this.generators.get(key);
    if (!generator) {
      generator = config.provider === 'builtin' ? new TemplateEngine({ chunkDelayMs: delay }) : createTextGenerator(config);
      this.generators.set(key, generator);
    }
    return generator;
  }
}
