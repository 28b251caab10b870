import { DEFAULT_BASE_URL, InfluPermissionError } from '@influgentic/sdk';
import type { Command } from 'commander';
import { readConfig, removeConfig, writeConfig } from '../config/config-store';
import { promptSecret, readAll } from '../config/read-secret';
import type { CliContext } from '../context';
import { UsageError } from '../output/exit-codes';

/** `login` checks a key with one cheap call and stores it (0600); `logout` forgets it. */
export function registerAuthCommands(program: Command, ctx: CliContext): void {
  program.command('login')
    .description('Store an API key (from --api-key, a prompt, or stdin) in the user config directory')
    .action(async (_options: object, command: Command) => {
      const out = ctx.out(command);
      const globals = ctx.globals(command);
      const stdin = ctx.io.stdin;
      const apiKey = globals.apiKey
        ?? (stdin.isTTY ? await promptSecret('API key (ig_live_… or ig_test_…): ', stdin, ctx.io.stderr) : await readAll(stdin));
      if (!apiKey) throw new UsageError('No API key given: pass --api-key, type it at the prompt, or pipe it on stdin');
      const path = ctx.configPath();
      const stored = await readConfig(path);
      const baseUrl = globals.baseUrl || ctx.io.env.INFLUGENTIC_BASE_URL || stored?.base_url || DEFAULT_BASE_URL;
      const client = ctx.clientFor(apiKey, baseUrl, command);
      // Any authenticated answer proves the key; a key without agents:read is still a valid key.
      await client.agents.list({ limit: 1 }, { signal: ctx.signal, maxRetries: 0 }).catch((error: unknown) => {
        if (!(error instanceof InfluPermissionError)) throw error;
      });
      await writeConfig(path, { api_key: apiKey, base_url: baseUrl });
      const mode = apiKey.startsWith('ig_test_') ? 'test mode' : 'live mode';
      out.done({ base_url: baseUrl, config_path: path, mode: mode.split(' ')[0] }, `Logged in to ${baseUrl} (${mode}). Key stored in ${path}`);
    });

  program.command('logout')
    .description('Remove the stored API key')
    .action(async (_options: object, command: Command) => {
      const path = ctx.configPath();
      const removed = await removeConfig(path);
      ctx.out(command).done({ removed, config_path: path }, removed ? `Logged out: removed ${path}` : 'Not logged in: nothing to remove');
    });
}
