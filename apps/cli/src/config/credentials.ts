import { DEFAULT_BASE_URL } from '@influgentic/sdk';
import type { StoredConfig } from './config-store';

export interface CredentialFlags {
  apiKey?: string;
  baseUrl?: string;
}

export interface Credentials {
  apiKey: string | undefined;
  baseUrl: string;
  /** Where the key came from, to say so when it is refused. */
  keySource: 'flag' | 'environment' | 'config' | 'none';
}

/** The flag wins over the environment, which wins over the stored config; the same for the base URL. */
export function resolveCredentials(flags: CredentialFlags, env: Record<string, string | undefined>, stored: StoredConfig | undefined): Credentials {
  const baseUrl = flags.baseUrl || env.INFLUGENTIC_BASE_URL || stored?.base_url || DEFAULT_BASE_URL;
  if (flags.apiKey) return { apiKey: flags.apiKey, baseUrl, keySource: 'flag' };
  if (env.INFLUGENTIC_API_KEY) return { apiKey: env.INFLUGENTIC_API_KEY, baseUrl, keySource: 'environment' };
  if (stored?.api_key) return { apiKey: stored.api_key, baseUrl, keySource: 'config' };
  return { apiKey: undefined, baseUrl, keySource: 'none' };
}
