import type { Campaign, CreateCampaignParams, ListCampaignsParams } from '@influgentic/sdk';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { commaList, decimal, defined, integer } from './parsers';

const CAMPAIGN_COLUMNS = [
  { header: 'ID', value: (c: Campaign) => c.id },
  { header: 'NAME', value: (c: Campaign) => c.name },
  { header: 'AGENT', value: (c: Campaign) => c.agent_id },
  { header: 'TYPE', value: (c: Campaign) => c.type },
  { header: 'STATUS', value: (c: Campaign) => c.status },
  { header: 'BUDGET', value: (c: Campaign) => (c.budget_usd === null ? '' : `$${c.budget_usd}`) },
  { header: 'SPENT', value: (c: Campaign) => `$${c.spent_usd}` },
  { header: 'IMPRESSIONS', value: (c: Campaign) => c.performance?.impressions },
];

function campaignFields(c: Campaign): Array<[string, unknown]> {
  return [
    ['id', c.id], ['name', c.name], ['agent', c.agent_id], ['type', c.type], ['status', c.status],
    ['budget', c.budget_usd === null ? 'none' : `$${c.budget_usd}`], ['spent', `$${c.spent_usd}`],
    ['languages', c.config.languages], ['starts', c.starts_at], ['ends', c.ends_at],
  ];
}

/** `campaigns create|list|get|pause|resume|cancel`. */
export function registerCampaignCommands(program: Command, ctx: CliContext): void {
  const campaigns = program.command('campaigns').description('Run campaigns with an agent');

  campaigns.command('create')
    .description('Create a campaign')
    .requiredOption('--agent <agent_id>')
    .requiredOption('--type <type>', 'product_launch | product_review | review | lead_gen | testimonial | trivia | brand_launch | collab_content')
    .requiredOption('--name <name>')
    .option('--budget <usd>', 'budget in USD', decimal)
    .option('--product <name>', 'the product the campaign is about')
    .option('--product-description <text>')
    .option('--languages <list>', 'comma-separated ISO 639-1 codes', commaList)
    .option('--formats <list>', 'comma-separated output formats', commaList)
    .option('--tone <tone>')
    .option('--compliance <mode>', 'standard | strict | off')
    .option('--duration-days <n>', 'length of the campaign', integer)
    .option('--starts-at <time>', 'ISO 8601; default now')
    .action(async (o: { agent: string; type: string; name: string; budget?: number; product?: string; productDescription?: string; languages?: string[]; formats?: string[]; tone?: string; compliance?: string; durationDays?: number; startsAt?: string }, command: Command) => {
      const client = await ctx.client(command);
      const config = defined({ languages: o.languages, output_formats: o.formats, tone: o.tone, compliance_mode: o.compliance, duration_days: o.durationDays, starts_at: o.startsAt });
      const campaign = await client.campaigns.create(defined({
        agent_id: o.agent, type: o.type, name: o.name, budget_usd: o.budget,
        product: o.product ? defined({ name: o.product, description: o.productDescription }) : undefined,
        config: Object.keys(config).length ? config : undefined,
      }) as CreateCampaignParams, { signal: ctx.signal });
      const out = ctx.out(command);
      if (out.json) return out.printJson(campaign);
      out.done(campaign, `Created ${campaign.id} (${campaign.status})`);
      out.object(campaign, campaignFields(campaign));
    });

  campaigns.command('list')
    .description('List campaigns (one page)')
    .option('--status <status>', 'scheduled | active | paused | completed | cancelled')
    .option('--agent <agent_id>')
    .option('--limit <n>', 'items per page (max 100)', integer, 20)
    .option('--cursor <cursor>')
    .action(async (o: { status?: string; agent?: string; limit: number; cursor?: string }, command: Command) => {
      const client = await ctx.client(command);
      const page = await client.campaigns.list(defined({ status: o.status, agent_id: o.agent, limit: o.limit, cursor: o.cursor }) as ListCampaignsParams, { signal: ctx.signal });
      const out = ctx.out(command);
      out.list({ data: page.data, meta: page.meta }, page.data, CAMPAIGN_COLUMNS, 'No campaigns.');
      if (!out.json && page.meta.next_cursor) out.info(out.colors.dim(`More: --cursor ${page.meta.next_cursor}`));
    });

  campaigns.command('get')
    .description('Show one campaign')
    .argument('<campaign_id>')
    .action(async (id: string, _o: object, command: Command) => {
      const client = await ctx.client(command);
      const campaign = await client.campaigns.retrieve(id, { signal: ctx.signal });
      ctx.out(command).object(campaign, campaignFields(campaign));
    });

  const transitions = [
    ['pause', 'Pause an active campaign', 'Paused'],
    ['resume', 'Resume a paused campaign', 'Resumed'],
    ['cancel', 'Cancel a campaign (stops billing at once)', 'Cancelled'],
  ] as const;
  for (const [action, description, past] of transitions) {
    campaigns.command(action)
      .description(description)
      .argument('<campaign_id>')
      .action(async (id: string, _o: object, command: Command) => {
        const client = await ctx.client(command);
        const campaign = await client.campaigns[action](id, { signal: ctx.signal });
        ctx.out(command).done(campaign, `${past} ${campaign.id} (now ${campaign.status})`);
      });
  }
}
