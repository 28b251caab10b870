import { readFile } from 'node:fs/promises';
import type { AgentSummary, CreateAgentParams, ListAgentsParams } from '@influgentic/sdk';
import { Command } from 'commander';
import type { CliContext } from '../context';
import { UsageError } from '../output/exit-codes';
import { percent } from '../output/format';
import { commaList, defined, integer } from './parsers';

const AGENT_COLUMNS = [
  { header: 'ID', value: (a: AgentSummary) => a.id },
  { header: 'NAME', value: (a: AgentSummary) => a.name },
  { header: 'CATEGORY', value: (a: AgentSummary) => a.category },
  { header: 'TIER', value: (a: AgentSummary) => a.tier },
  { header: 'REACH', value: (a: AgentSummary) => a.reach?.toLocaleString('en-US') },
  { header: 'ENGAGEMENT', value: (a: AgentSummary) => percent(a.engagement_rate) },
  { header: 'STATUS', value: (a: AgentSummary) => a.status },
];

/** `agents list|get|create`: the catalog, one agent, the Agent Builder. */
export function registerAgentCommands(program: Command, ctx: CliContext): void {
  const agents = program.command('agents').description('Find, inspect and build agents');

  agents.command('list')
    .description('List catalog agents and your own (one page; --cursor for the next)')
    .option('-q, --query <text>', 'full-text search')
    .option('--category <category>')
    .option('--use-case <use_case>')
    .option('--language <code>', 'ISO 639-1')
    .option('--tier <tier>')
    .option('--min-reach <n>', 'minimum reach', integer)
    .option('--sort <order>', 'reach | engagement | campaigns | rating')
    .option('--limit <n>', 'items per page (max 100)', integer, 20)
    .option('--cursor <cursor>', 'the next_cursor of the previous page')
    .action(async (o: { query?: string; category?: string; useCase?: string; language?: string; tier?: string; minReach?: number; sort?: string; limit: number; cursor?: string }, command: Command) => {
      const client = await ctx.client(command);
      const params = defined({
        q: o.query, category: o.category, use_case: o.useCase, language: o.language, tier: o.tier, min_reach: o.minReach,
        sort: o.sort, limit: o.limit, cursor: o.cursor,
      }) as ListAgentsParams;
      const page = await client.agents.list(params, { signal: ctx.signal });
      const out = ctx.out(command);
      out.list({ data: page.data, meta: page.meta }, page.data, AGENT_COLUMNS, 'No agents match.');
      if (!out.json && page.meta.next_cursor) out.info(out.colors.dim(`More: --cursor ${page.meta.next_cursor}`));
    });

  agents.command('get')
    .description('Show one agent')
    .argument('<agent_id>')
    .action(async (id: string, _o: object, command: Command) => {
      const client = await ctx.client(command);
      const agent = await client.agents.retrieve(id, { signal: ctx.signal });
      ctx.out(command).object(agent, [
        ['id', agent.id], ['name', agent.name], ['headline', agent.headline], ['category', agent.category],
        ['subcategories', agent.subcategories], ['languages', agent.languages], ['use cases', agent.use_cases],
        ['reach', agent.reach], ['engagement', percent(agent.engagement_rate)], ['rating', agent.rating],
        ['tier', agent.tier], ['status', agent.status], ['visibility', agent.visibility], ['created', agent.created_at],
      ]);
    });

  agents.command('create')
    .description('Build an agent from a persona (training runs in the background)')
    .requiredOption('--name <name>')
    .requiredOption('--category <category>')
    .option('--persona <text>', 'the persona prompt')
    .option('--persona-file <file>', 'read the persona prompt from a file')
    .option('--expertise <list>', 'comma-separated expertise domains', commaList)
    .option('--audience <text>', 'target audience')
    .option('--languages <list>', 'comma-separated ISO 639-1 codes', commaList)
    .option('--use-cases <list>', 'comma-separated use cases', commaList)
    .option('--tone-modes <list>', 'comma-separated tones', commaList)
    .option('--visibility <visibility>', 'private | public | marketplace')
    .action(async (o: { name: string; category: string; persona?: string; personaFile?: string; expertise?: string[]; audience?: string; languages?: string[]; useCases?: string[]; toneModes?: string[]; visibility?: string }, command: Command) => {
      const persona = o.persona ?? (o.personaFile ? await readFile(o.personaFile, 'utf8') : undefined);
      if (!persona) throw new UsageError('A persona is required: --persona <text> or --persona-file <file>');
      const client = await ctx.client(command);
      const built = await client.agents.create(defined({
        name: o.name, category: o.category, persona_prompt: persona, expertise_domains: o.expertise, target_audience: o.audience,
        languages: o.languages, use_cases: o.useCases, tone_modes: o.toneModes, visibility: o.visibility,
      }) as CreateAgentParams, { signal: ctx.signal });
      ctx.out(command).done(built, `Building ${built.id} (${built.name}): ${built.status}, ready about ${built.estimated_ready_at}`);
    });
}
