import { AiSdkTextGenerator } from './ai-sdk-generator';
import { createTextGenerator, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, llmConfigFromEnv, resolveLlmConfig } from './config';
import { TemplateEngine, TEMPLATE_MODEL } from './template-engine';
import { GenerationError } from './types';

describe('LLM configuration', () => {
  it('defaults to the offline template engine when nothing is configured', () => {
    const generator = createTextGenerator(undefined, { env: {} });
    expect(generator).toBeInstanceOf(TemplateEngine);
    expect(generator.model).toBe(TEMPLATE_MODEL);
    // A provider key alone does not switch the installation to a paid model.
    expect(createTextGenerator(undefined, { env: { OPENAI_API_KEY: 'sk-x' } })).toBeInstanceOf(TemplateEngine);
  });

  it('reads LLM_* variables', () => {
    expect(llmConfigFromEnv({
      LLM_PROVIDER: 'Anthropic', LLM_MODEL: 'claude-x', LLM_BASE_URL: 'http://proxy/v1', LLM_API_KEY: 'k', LLM_TIMEOUT_MS: '1500',
      LLM_MAX_RETRIES: '4', LLM_OPENAI_API: 'chat', LLM_TEMPERATURE: '0.4',
    })).toEqual({
      provider: 'anthropic', model: 'claude-x', baseUrl: 'http://proxy/v1', apiKey: 'k', timeoutMs: 1500, maxRetries: 4, openaiApi: 'chat', temperature: 0.4,
    });
    expect(() => llmConfigFromEnv({ LLM_PROVIDER: 'skynet' })).toThrow(GenerationError);
  });

  it('treats a base URL without a provider as an OpenAI-compatible server', () => {
    expect(resolveLlmConfig({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' })).toMatchObject({
      provider: 'openai_compatible', timeoutMs: DEFAULT_TIMEOUT_MS, maxRetries: DEFAULT_MAX_RETRIES,
    });
  });

  it('layers organization and agent overrides, dropping credentials when the provider changes', () => {
    const env = { provider: 'openai' as const, apiKey: 'installation-key', model: 'gpt-4o-mini', timeoutMs: 30_000 };
    const org = { provider: 'anthropic' as const, model: 'claude-3-5-sonnet-latest' };
    const agent = { temperature: 0.9 };
    const resolved = resolveLlmConfig(env, org, agent, null);
    expect(resolved).toMatchObject({ provider: 'anthropic', model: 'claude-3-5-sonnet-latest', temperature: 0.9, timeoutMs: 30_000 });
    expect(resolved.apiKey).toBeUndefined();
    // Same provider: the agent only changes what it names.
    expect(resolveLlmConfig(env, { model: 'gpt-4.1' })).toMatchObject({ provider: 'openai', model: 'gpt-4.1', apiKey: 'installation-key' });
    // An agent can opt back into the offline engine.
    expect(createTextGenerator(resolveLlmConfig(env, { provider: 'builtin' }), { env: {} })).toBeInstanceOf(TemplateEngine);
  });

  it('uses the providers’ usual key variables and default models', () => {
    const openai = createTextGenerator({ provider: 'openai' }, { env: { OPENAI_API_KEY: 'sk-x' } });
    expect(openai).toBeInstanceOf(AiSdkTextGenerator);
    expect(openai.model).toBe('openai/gpt-4o-mini');
    expect(createTextGenerator({ provider: 'anthropic' }, { env: { ANTHROPIC_API_KEY: 'a' } }).model).toBe('anthropic/claude-3-5-haiku-latest');
    expect(createTextGenerator({ provider: 'google' }, { env: { GOOGLE_GENERATIVE_AI_API_KEY: 'g' } }).model).toBe('google/gemini-2.0-flash');
  });

  it('refuses incomplete configurations with a config_error', () => {
    for (const config of [
      { provider: 'openai' as const },
      { provider: 'anthropic' as const },
      { provider: 'openai_compatible' as const, baseUrl: 'http://localhost:8000/v1' },
      { provider: 'openai_compatible' as const, model: 'llama3.1' },
    ]) {
      expect(() => createTextGenerator(config, { env: {} })).toThrow(expect.objectContaining({ code: 'config_error' }));
    }
  });
});
