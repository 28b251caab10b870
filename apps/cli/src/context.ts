import { Influgentic } from '@influgentic/sdk';
import type { Command } from 'commander';
import { configFilePath, readConfig } from './config/config-store';
import { resolveCredentials, type Credentials } from './config/credentials';
import { NotLoggedInError } from './output/exit-codes';
import { colorsFor } from './output/colors';
import { Output, type OutputStream } from './output/output';

/** The process the CLI runs in, passed in so tests and embedders can give their own. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export interface GlobalOptions {
  apiKey?: string;
  baseUrl?: string;
  json?: boolean;
  timeout?: number;
}

/** What every command needs: its output, its credentials and client, and the signal that Ctrl-C fires. */
export class CliContext {
  /** The base URL of the last client made, for hints about unreachable servers. */
  lastBaseUrl: string | undefined;
  private output?: Output;

  constructor(readonly io: CliIO, readonly signal: AbortSignal) {}

  globals(command: Command): GlobalOptions {
    return command.optsWithGlobals<GlobalOptions>();
  }

  out(command: Command): Output {
    this.output ??= new Output(this.io.stdout, this.io.stderr, this.globals(command).json === true, colorsFor(this.io.stdout, this.io.env));
    return this.output;
  }

  /** Output before any command was parsed (errors of the parser, or of startup). */
  fallbackOut(argv: readonly string[]): Output {
    return this.output ?? new Output(this.io.stdout, this.io.stderr, argv.includes('--json'), colorsFor(this.io.stderr, this.io.env));
  }

  configPath(): string {
    return configFilePath(this.io.env);
  }

  async credentials(command: Command): Promise<Credentials> {
    const globals = this.globals(command);
    const stored = await readConfig(this.configPath());
    const credentials = resolveCredentials({ apiKey: globals.apiKey, baseUrl: globals.baseUrl }, this.io.env, stored);
    this.lastBaseUrl = credentials.baseUrl;
    return credentials;
  }

  /** A client with the resolved key and URL; no key at all is an authentication failure (exit 3). */
  async client(command: Command): Promise<Influgentic> {
    const { apiKey, baseUrl } = await this.credentials(command);
    if (!apiKey) throw new NotLoggedInError();
    return this.clientFor(apiKey, baseUrl, command);
  }

  clientFor(apiKey: string, baseUrl: string, command: Command): Influgentic {
    this.lastBaseUrl = baseUrl;
    const timeout = this.globals(command).timeout;
    return new Influgentic({ apiKey, baseUrl, ...(timeout ? { timeoutMs: timeout } : {}), headers: { 'user-agent': 'influgentic-cli/0.1.0' } });
  }
}
