import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { AiSdkTextGenerator } from './ai-sdk-generator';
import { TemplateEngine } from './template-engine';
import { GenerationError, type TextGenerator } from './types';

export const LLM_PROVIDERS = ['openai', 'anthropic', 'google', 'openai_compatible', 'builtin'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/**
 * Which model writes the content. The same shape comes from the environment, from an organization's settings and
 * from an agent's settings; later layers win.
 */
export interface LlmConfig {
  provider?: LlmProvider;
  model?: string;
  /** Self-hosted or proxy endpoint, e.g. `http://localhost:11434/v1` for Ollama, `http://vllm:8000/v1` for vLLM. */
  baseUrl?: string;
  apiKey?: string;
  /** Label for OpenAI-compatible servers (`ollama`, `vllm`, `llamacpp`); appears in the recorded model id. */
  name?: string;
  /** OpenAI only: the Responses API (the SDK's default) or Chat Completions. */
  openaiApi?: 'responses' | 'chat';
  timeoutMs?: number;
  idleTimeoutMs?: number;
  maxRetries?: number;
  temperature?: number;
  maxOutputTokens?: number;
  headers?: Record<string, string>;
}

export interface ResolvedLlmConfig extends LlmConfig {
  provider: LlmProvider;
  timeoutMs: number;
  maxRetries: number;
}

const DEFAULT_MODELS: Partial<Record<LlmProvider, string>> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  google: 'gemini-2.0-flash',
};

const KEY_ENV: Partial<Record<LlmProvider, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_GENERATIVE_AI_API_KEY',
};

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_OUTPUT_TOKENS = 2048;

type Env = Record<string, string | undefined>;

const num = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Reads `LLM_PROVIDER`, `LLM_MODEL`, `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_TIMEOUT_MS`, `LLM_MAX_RETRIES`, … */
export function llmConfigFromEnv(env: Env = process.env): LlmConfig {
  const provider = env.LLM_PROVIDER?.trim().toLowerCase();
  if (provider && !(LLM_PROVIDERS as readonly string[]).includes(provider)) {
    throw new GenerationError('config_error', `LLM_PROVIDER must be one of ${LLM_PROVIDERS.join(', ')}; got "${env.LLM_PROVIDER}"`);
  }
  const api = env.LLM_OPENAI_API?.trim().toLowerCase();
  return strip({
    provider: provider as LlmProvider | undefined,
    model: env.LLM_MODEL?.trim() || undefined,
    baseUrl: env.LLM_BASE_URL?.trim() || undefined,
    apiKey: env.LLM_API_KEY?.trim() || undefined,
    name: env.LLM_PROVIDER_NAME?.trim() || undefined,
    openaiApi: api === 'chat' || api === 'responses' ? api : undefined,
    timeoutMs: num(env.LLM_TIMEOUT_MS),
    idleTimeoutMs: num(env.LLM_IDLE_TIMEOUT_MS),
    maxRetries: num(env.LLM_MAX_RETRIES),
    temperature: num(env.LLM_TEMPERATURE),
    maxOutputTokens: num(env.LLM_MAX_OUTPUT_TOKENS),
  });
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * Layers configs (environment, then organization, then agent). Switching provider in a layer drops the model, URL
 * and key of the layers below: an organization's Anthropic choice must not inherit the installation's OpenAI key.
 * With no provider anywhere, a base URL alone means an OpenAI-compatible server; otherwise the offline engine.
 */
export function resolveLlmConfig(...layers: Array<LlmConfig | null | undefined>): ResolvedLlmConfig {
  let merged: LlmConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    const next = strip(layer);
    if (next.provider && merged.provider && next.provider !== merged.provider) {
      const { model: _m, baseUrl: _b, apiKey: _k, name: _n, openaiApi: _a, headers: _h, ...kept } = merged;
      merged = kept;
    }
    merged = { ...merged, ...next };
  }
  const provider: LlmProvider = merged.provider ?? (merged.baseUrl ? 'openai_compatible' : 'builtin');
  const maxRetries = Math.max(0, Math.floor(merged.maxRetries ?? DEFAULT_MAX_RETRIES));
  return { ...merged, provider, timeoutMs: merged.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxRetries };
}

export interface CreateTextGeneratorDeps {
  env?: Env;
  /** Custom fetch (proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
}

/**
 * Builds the TextGenerator for a configuration. Nothing configured → the offline TemplateEngine. Throws a
 * `config_error` GenerationError when a hosted provider has no key or a compatible server no model.
 */
export function createTextGenerator(config?: LlmConfig, deps: CreateTextGeneratorDeps = {}): TextGenerator {
  const env = deps.env ?? process.env;
  const cfg = resolveLlmConfig(config ?? llmConfigFromEnv(env));
  if (cfg.provider === 'builtin') return new TemplateEngine();
  const apiKey = cfg.apiKey ?? (KEY_ENV[cfg.provider] ? env[KEY_ENV[cfg.provider] as string] : undefined);
  const model = cfg.model ?? DEFAULT_MODELS[cfg.provider];
  if (!model) throw new GenerationError('config_error', `LLM_MODEL is required for provider ${cfg.provider}`);
  if (cfg.provider !== 'openai_compatible' && !apiKey) {
    throw new GenerationError('config_error', `No API key for ${cfg.provider}: set LLM_API_KEY or ${KEY_ENV[cfg.provider]}`);
  }
  const common = { apiKey, fetch: deps.fetch, headers: cfg.headers, ...(cfg.baseUrl ? { baseURL: cfg.baseUrl.replace(/\/+$/, '') } : {}) };

  let languageModel: LanguageModel;
  let label: string = cfg.provider;
  switch (cfg.provider) {
    case 'openai': {
      const openai = createOpenAI(common);
      languageModel = cfg.openaiApi === 'chat' ? openai.chat(model) : openai.responses(model);
      break;
    }
    case 'anthropic':
      languageModel = createAnthropic(common)(model);
      break;
    case 'google':
      languageModel = createGoogleGenerativeAI(common)(model);
      break;
    case 'openai_compatible': {
      if (!cfg.baseUrl) throw new GenerationError('config_error', 'LLM_BASE_URL is required for an OpenAI-compatible server');
      label = cfg.name ?? 'openai-compatible';
      languageModel = createOpenAICompatible({ ...common, baseURL: cfg.baseUrl.replace(/\/+$/, ''), name: label, includeUsage: true }).chatModel(model);
      break;
    }
    default:
      throw new GenerationError('config_error', `Unknown provider ${String(cfg.provider)}`);
  }
  return new AiSdkTextGenerator({
    model: languageModel, modelId: `${label}/${model}`, timeoutMs: cfg.timeoutMs, idleTimeoutMs: cfg.idleTimeoutMs,
    maxRetries: cfg.maxRetries, temperature: cfg.temperature, maxOutputTokens: cfg.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
  });
}
