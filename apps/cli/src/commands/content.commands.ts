import { readFile, writeFile } from 'node:fs/promises';
import type {
  BulkBatch, BulkVideosParams, ContentItem, GenerateContentParams, GenerateVideoParams, GenerateWeekParams, Influgentic, Job, ListContentParams, VideoStatus,
} from '@influgentic/sdk';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { JobFailedError } from '../output/exit-codes';
import { followProgress } from '../output/follow-progress';
import type { Output } from '../output/output';
import { commaList, defined, integer, isoDate } from './parsers';

const QUEUE_COLUMNS = [
  { header: 'ID', value: (c: ContentItem) => c.id },
  { header: 'AGENT', value: (c: ContentItem) => c.agent_id },
  { header: 'FORMAT', value: (c: ContentItem) => c.format },
  { header: 'PLATFORM', value: (c: ContentItem) => c.platform },
  { header: 'STATUS', value: (c: ContentItem) => c.status },
  { header: 'CAPTION', value: (c: ContentItem) => truncate(c.caption || c.body, 48) },
  { header: 'CREATED', value: (c: ContentItem) => c.created_at },
];

const FINAL_JOB_STATES = new Set(['done', 'error', 'cancelled', 'stopped']);

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function itemFields(c: ContentItem): Array<[string, unknown]> {
  return [
    ['id', c.id], ['agent', c.agent_id], ['campaign', c.campaign_id], ['type', c.content_type], ['format', c.format],
    ['platform', c.platform], ['status', c.status], ['caption', c.caption], ['hashtags', c.hashtags], ['cta', c.cta],
    ['disclosures', c.disclosures], ['tokens', c.tokens],
  ];
}

/** A job's final state, or JobFailedError (exit 1) when it did not succeed. */
function requireSuccess<T extends { status: string; error: { code: string; message: string } | null }>(value: T, what: string): T {
  if (value.status === 'done') return value;
  const reason = value.error ? `${value.error.message} (${value.error.code})` : value.status;
  throw new JobFailedError(`${what} ended ${value.status}: ${reason}`);
}

async function followJob(client: Influgentic, jobId: string, ctx: CliContext, out: Output, label: (job: Job) => string): Promise<Job> {
  return followProgress({
    poll: () => client.jobs.retrieve(jobId, { signal: ctx.signal }),
    snapshot: (job) => ({ progress: job.progress, finished: FINAL_JOB_STATES.has(job.status), label: label(job) }),
    out, signal: ctx.signal, intervalMs: pollInterval(ctx),
  });
}

function pollInterval(ctx: CliContext): number {
  return Number(ctx.io.env.INFLUGENTIC_POLL_MS) || 500;
}

/** Saves a rendered file: the API key goes along only to the API's own origin, never to a storage host. */
async function download(url: string, file: string, baseUrl: string, apiKey: string | undefined, signal: AbortSignal): Promise<number> {
  const target = new URL(url, baseUrl);
  const sameOrigin = target.origin === new URL(baseUrl).origin;
  const res = await fetch(target, { signal, headers: sameOrigin && apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!res.ok) throw new JobFailedError(`Download failed: HTTP ${res.status} from ${target.origin}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  await writeFile(file, bytes);
  return bytes.length;
}

/** `content generate|queue|get|approve|reject|week|video|bulk`. */
export function registerContentCommands(program: Command, ctx: CliContext): void {
  const content = program.command('content').description('Generate content and work the review queue');

  content.command('generate')
    .description('Generate one content item with an agent (--stream prints it as it is written)')
    .argument('<agent_id>')
    .requiredOption('--type <content_type>', 'product_review | product_launch | testimonial | lead_magnet | trivia | collab_content')
    .requiredOption('--format <format>', 'e.g. post, x_post, instagram_caption, video_script')
    .option('--product <name>')
    .option('--claims <list>', 'comma-separated key claims of the product', commaList)
    .option('--target-use <text>')
    .option('--length <length>', 'short | medium | long')
    .option('--language <code>')
    .option('--platform <platform>')
    .option('--campaign <campaign_id>')
    .option('--tone <tone>')
    .option('--no-cta', 'leave out the call to action')
    .option('--stream', 'print the text as it arrives')
    .action(async (agentId: string, o: { type: string; format: string; product?: string; claims?: string[]; targetUse?: string; length?: string; language?: string; platform?: string; campaign?: string; tone?: string; cta: boolean; stream?: boolean }, command: Command) => {
      const client = await ctx.client(command);
      const out = ctx.out(command);
      const params = defined({
        content_type: o.type, format: o.format, length: o.length, language: o.language, platform: o.platform, campaign_id: o.campaign,
        tone: o.tone, include_cta: o.cta ? undefined : false,
        product: o.product ? defined({ name: o.product, key_claims: o.claims, target_use: o.targetUse }) : undefined,
      }) as GenerateContentParams;
      if (!o.stream) {
        const item = await client.content.generate(agentId, params, { signal: ctx.signal });
        return out.object(item, itemFields(item));
      }
      let contentId = '';
      for await (const event of client.content.generateStream(agentId, params, { signal: ctx.signal })) {
        if (out.json) out.printJsonLine(event);
        else if (event.type === 'content_chunk') out.write(event.text);
        else if (event.type === 'agent_start') out.info(out.colors.dim(`${event.agent} is writing ${event.content_id}…`));
        if (event.type === 'content_complete') contentId = event.content_id;
      }
      if (!out.json) {
        out.line();
        out.info(out.colors.dim(`${out.colors.green('✔')} Saved ${contentId} for review (influgentic content approve ${contentId})`));
      }
    });

  content.command('queue')
    .description('The review queue (pending_review unless --status says otherwise; --status all for everything)')
    .option('--status <status>', 'pending_review | approved | scheduled | published | rejected | failed | all', 'pending_review')
    .option('--agent <agent_id>')
    .option('--campaign <campaign_id>')
    .option('--platform <platform>')
    .option('--limit <n>', 'items per page (max 100)', integer, 20)
    .option('--cursor <cursor>')
    .action(async (o: { status: string; agent?: string; campaign?: string; platform?: string; limit: number; cursor?: string }, command: Command) => {
      const client = await ctx.client(command);
      const page = await client.content.list(defined({
        status: o.status === 'all' ? undefined : o.status, agent_id: o.agent, campaign_id: o.campaign, platform: o.platform, limit: o.limit, cursor: o.cursor,
      }) as ListContentParams, { signal: ctx.signal });
      const out = ctx.out(command);
      out.list({ data: page.data, meta: page.meta }, page.data, QUEUE_COLUMNS, 'The queue is empty.');
      if (!out.json && page.meta.next_cursor) out.info(out.colors.dim(`More: --cursor ${page.meta.next_cursor}`));
    });

  content.command('get')
    .description('Show one content item')
    .argument('<content_id>')
    .action(async (id: string, _o: object, command: Command) => {
      const client = await ctx.client(command);
      const item = await client.content.retrieve(id, { signal: ctx.signal });
      ctx.out(command).object(item, itemFields(item));
    });

  content.command('approve')
    .description('Approve an item of the queue')
    .argument('<content_id>')
    .option('--reason <text>', 'a note kept in the item history')
    .action(async (id: string, o: { reason?: string }, command: Command) => {
      const client = await ctx.client(command);
      const item = await client.content.approve(id, defined({ reason: o.reason }), { signal: ctx.signal });
      ctx.out(command).done(item, `Approved ${item.id} (now ${item.status})`);
    });

  content.command('reject')
    .description('Reject an item of the queue')
    .argument('<content_id>')
    .option('--reason <text>', 'why (kept as rejection_reason)')
    .action(async (id: string, o: { reason?: string }, command: Command) => {
      const client = await ctx.client(command);
      const item = await client.content.reject(id, defined({ reason: o.reason }), { signal: ctx.signal });
      ctx.out(command).done(item, `Rejected ${item.id} (now ${item.status})`);
    });

  content.command('week')
    .description('Plan and generate a week of posts, following the job')
    .requiredOption('--agent <agent_id>')
    .requiredOption('--week <monday>', 'the Monday, YYYY-MM-DD', isoDate)
    .option('--platforms <list>', 'comma-separated platforms', commaList, ['instagram'])
    .option('--posts-per-day <n>', '1..5', integer, 1)
    .option('--topics <list>', 'comma-separated trending topics', commaList)
    .option('--guidance <text>')
    .option('--language <code>', 'target language')
    .option('--campaign <campaign_id>')
    .option('--timezone <tz>', 'IANA time zone of the schedule')
    .option('--no-wait', 'print the job and return at once')
    .action(async (o: { agent: string; week: string; platforms: string[]; postsPerDay: number; topics?: string[]; guidance?: string; language?: string; campaign?: string; timezone?: string; wait: boolean }, command: Command) => {
      const client = await ctx.client(command);
      const out = ctx.out(command);
      const accepted = await client.content.generateWeek(defined({
        agent_id: o.agent, week: o.week, platforms: o.platforms, posts_per_day: o.postsPerDay, trending_topics: o.topics, guidance: o.guidance,
        target_language: o.language, campaign_id: o.campaign, timezone: o.timezone,
      }) as GenerateWeekParams, { signal: ctx.signal });
      if (!o.wait) return out.done(accepted.job, `Started ${accepted.job.id} (influgentic content queue --agent ${o.agent})`);
      out.info(out.colors.dim(`Planning the week of ${o.week} as ${accepted.job.id}`));
      const job = requireSuccess(await followJob(client, accepted.job.id, ctx, out, (j) => weekLabel(j)), `Job ${accepted.job.id}`);
      const result = (job.result ?? {}) as { items_done?: number; items_total?: number; items_failed?: number };
      out.done(job, `Week planned: ${result.items_done ?? 0} of ${result.items_total ?? 0} items generated${result.items_failed ? `, ${result.items_failed} failed` : ''} (${job.id})`);
    });

  content.command('video')
    .description('Render a short video, following the job; prints the video link')
    .requiredOption('--agent <agent_id>')
    .requiredOption('--platform <platform>', 'instagram | tiktok | youtube | …')
    .requiredOption('--scene <description>', 'what the video shows')
    .option('--duration <seconds>', '5..60', integer)
    .option('--aspect <ratio>', '9:16 | 1:1 | 16:9')
    .option('--type <type>', 'short | reel')
    .option('--script <text>', 'the voice-over, instead of a generated one')
    .option('--language <code>')
    .option('--campaign <campaign_id>')
    .option('--download <file>', 'save the MP4 there when done')
    .option('--no-wait', 'print the job and return at once')
    .action(async (o: { agent: string; platform: string; scene: string; duration?: number; aspect?: string; type?: string; script?: string; language?: string; campaign?: string; download?: string; wait: boolean }, command: Command) => {
      const client = await ctx.client(command);
      const out = ctx.out(command);
      const accepted = await client.media.generateVideo(defined({
        agent_id: o.agent, platform: o.platform, scene_description: o.scene, duration_seconds: o.duration, aspect_ratio: o.aspect, type: o.type,
        script: o.script, language: o.language, campaign_id: o.campaign,
      }) as GenerateVideoParams, { signal: ctx.signal });
      if (!o.wait) return out.done(accepted, `Started ${accepted.job.id} for ${accepted.content.id}`);
      const status = requireSuccess(await followProgress<VideoStatus>({
        poll: () => client.media.videoStatus(accepted.content.id, { signal: ctx.signal }),
        snapshot: (s) => ({ progress: s.progress, finished: FINAL_JOB_STATES.has(s.status), label: s.step }),
        out, signal: ctx.signal, intervalMs: pollInterval(ctx),
      }), `Video ${accepted.content.id}`);
      const url = status.result.video_url;
      if (o.download && url) {
        const { apiKey } = await ctx.credentials(command);
        const bytes = await download(url, o.download, client.baseUrl, apiKey, ctx.signal);
        out.info(`${out.colors.green('✔')} Saved ${bytes.toLocaleString('en-US')} bytes to ${o.download}`);
      }
      if (out.json) return out.printJson(status);
      out.line(url ?? '');
      out.info(out.colors.dim(`${status.result.duration_seconds ?? '?'} s, ${status.result.credits_billed} credits (${accepted.content.id})`));
    });

  content.command('bulk')
    .description('Render one video per row of a CSV file, following the batch')
    .argument('<file.csv>')
    .requiredOption('--agent <agent_id>')
    .option('--platform <platform>')
    .option('--duration <seconds>', '5..60', integer)
    .option('--aspect <ratio>', '9:16 | 1:1 | 16:9')
    .option('--campaign <campaign_id>')
    .option('--no-wait', 'print the batch and return at once')
    .action(async (file: string, o: { agent: string; platform?: string; duration?: number; aspect?: string; campaign?: string; wait: boolean }, command: Command) => {
      const client = await ctx.client(command);
      const out = ctx.out(command);
      const csv = await readFile(file, 'utf8');
      const accepted = await client.media.bulkVideos(defined({
        agent_id: o.agent, csv, platform: o.platform, duration_seconds: o.duration, aspect_ratio: o.aspect, campaign_id: o.campaign,
      }) as BulkVideosParams, { signal: ctx.signal });
      if (!o.wait) return out.done(accepted, `Started ${accepted.id}: ${accepted.total_rows} rows`);
      const batch = await followProgress<BulkBatch>({
        poll: () => client.media.bulkStatus(accepted.id, { signal: ctx.signal }),
        snapshot: (b) => ({ progress: b.progress, finished: b.status !== 'processing', label: `${b.rows_done}/${b.total_rows} done, ${b.rows_failed} failed` }),
        out, signal: ctx.signal, intervalMs: pollInterval(ctx),
      });
      out.list(batch, batch.rows, [
        { header: 'LINE', value: (r) => r.line }, { header: 'CONTENT', value: (r) => r.content_id }, { header: 'STATUS', value: (r) => r.status },
        { header: 'VIDEO / ERROR', value: (r) => r.video_url ?? r.error?.message ?? '' },
      ], 'The batch has no rows.');
      if (batch.status !== 'done') throw new JobFailedError(`Batch ${batch.id} ended ${batch.status}: ${batch.rows_failed} of ${batch.total_rows} rows failed`);
    });
}

function weekLabel(job: Job): string {
  const result = (job.result ?? {}) as { items_done?: number; items_total?: number };
  return result.items_total ? `${result.items_done ?? 0}/${result.items_total} items` : job.status;
}
