import type { ApiKey, CreateApiKeyParams } from '@influgentic/sdk';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { commaList, defined, integer } from './parsers';

const ALL_SCOPES = [
  'agents:read', 'agents:write', 'campaigns:read', 'campaigns:write', 'content:read', 'content:write', 'content:generate',
  'analytics:read', 'analytics:write', 'webhooks:read', 'webhooks:write',
];

const KEY_COLUMNS = [
  { header: 'ID', value: (k: ApiKey) => k.id },
  { header: 'NAME', value: (k: ApiKey) => k.name },
  { header: 'MODE', value: (k: ApiKey) => k.mode },
  { header: 'TOKEN', value: (k: ApiKey) => k.token_hint },
  { header: 'SCOPES', value: (k: ApiKey) => (k.scopes.length > 4 ? `${k.scopes.length} scopes` : k.scopes) },
  { header: 'LAST USED', value: (k: ApiKey) => k.last_used_at ?? 'never' },
  { header: 'EXPIRES', value: (k: ApiKey) => k.expires_at ?? 'never' },
];

/** `keys create|list|revoke` (the key in use needs keys:admin). */
export function registerKeyCommands(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('Manage API keys');

  keys.command('create')
    .description('Create a key; its token is printed this once')
    .requiredOption('--name <name>')
    .option('--scopes <list>', 'comma-separated scopes (default: every scope but keys:admin)', commaList)
    .option('--mode <mode>', 'live | test', 'live')
    .option('--expires-in-days <n>', 'days until it stops working', integer)
    .action(async (o: { name: string; scopes?: string[]; mode: string; expiresInDays?: number }, command: Command) => {
      const client = await ctx.client(command);
      const created = await client.apiKeys.create(defined({
        name: o.name, scopes: o.scopes ?? ALL_SCOPES, mode: o.mode, expires_in_days: o.expiresInDays,
      }) as CreateApiKeyParams, { signal: ctx.signal });
      const out = ctx.out(command);
      if (out.json) return out.printJson(created);
      out.done(created, `Created ${created.id} (${created.name}, ${created.mode})`);
      out.line(created.token);
      out.info(out.colors.yellow('Copy the token now: it is not shown again.'));
    });

  keys.command('list')
    .description('List keys (never their tokens)')
    .option('--limit <n>', 'items per page (max 100)', integer, 20)
    .option('--cursor <cursor>')
    .action(async (o: { limit: number; cursor?: string }, command: Command) => {
      const client = await ctx.client(command);
      const page = await client.apiKeys.list(defined({ limit: o.limit, cursor: o.cursor }), { signal: ctx.signal });
      const out = ctx.out(command);
      out.list({ data: page.data, meta: page.meta }, page.data, KEY_COLUMNS, 'No keys.');
      if (!out.json && page.meta.next_cursor) out.info(out.colors.dim(`More: --cursor ${page.meta.next_cursor}`));
    });

  keys.command('revoke')
    .description('Revoke a key at once')
    .argument('<key_id>')
    .action(async (id: string, _o: object, command: Command) => {
      const client = await ctx.client(command);
      const revoked = await client.apiKeys.revoke(id, { signal: ctx.signal });
      ctx.out(command).done(revoked, `Revoked ${id}`);
    });
}
