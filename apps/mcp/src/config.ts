import { DEFAULT_BASE_URL } from '@influgentic/sdk';

/** How the server runs: over stdio (the default), or streamable HTTP on a loopback port. */
export interface McpConfig {
  apiKey: string;
  baseUrl: string;
  transport: { kind: 'stdio' } | { kind: 'http'; port: number };
}

export const DEFAULT_HTTP_PORT = 3333;

export const USAGE = `Usage: influgentic-mcp [--http [--port N]]

An MCP server for the Influgentic API. Over stdio by default; with --http, streamable HTTP at
http://127.0.0.1:<port>/mcp (default port ${DEFAULT_HTTP_PORT}; 0 picks a free one).

Environment:
  INFLUGENTIC_API_KEY   the API key the tools act with (ig_live_… or ig_test_…), required
  INFLUGENTIC_BASE_URL  the gateway (default ${DEFAULT_BASE_URL})
`;

/** A configuration that cannot start: the message says what to fix. */
export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  const port = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || port > 65_535) throw new ConfigError(`--port needs a number from 0 to 65535, not ${value ?? 'nothing'}`);
  return port;
}

/** Reads the configuration from the environment and the command line (without the node and script arguments). */
export function loadConfig(env: Record<string, string | undefined>, args: string[]): McpConfig {
  let http = false;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--http') http = true;
    else if (args[i] === '--port') port = parsePort(args[++i]);
    else if (args[i].startsWith('--port=')) port = parsePort(args[i].slice('--port='.length));
    else throw new ConfigError(`unknown option ${args[i]}`);
  }
  if (port !== undefined && !http) throw new ConfigError('--port is for --http');
  const apiKey = env.INFLUGENTIC_API_KEY?.trim();
  if (!apiKey) throw new ConfigError('INFLUGENTIC_API_KEY is not set: give the server an API key (ig_live_… or ig_test_…) in its environment');
  const baseUrl = env.INFLUGENTIC_BASE_URL?.trim() || DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new ConfigError(`INFLUGENTIC_BASE_URL is not an http(s) URL: ${baseUrl}`);
  return { apiKey, baseUrl, transport: http ? { kind: 'http', port: port ?? DEFAULT_HTTP_PORT } : { kind: 'stdio' } };
}
