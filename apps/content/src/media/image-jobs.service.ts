import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DomainError, IMAGE_CREDITS, defaultImageRatio, newId, type ContentMedia, type CreateMediaBody, type ImageJobResult,
  type MediaAspectRatio, type MediaJobAccepted, type RequestContext,
} from '@influgentic/contracts';
import { SERVICE_LOGGER, type IdempotentRun } from '@influgentic/messaging';
import { imageProviderFromEnv, markPng, renderPostCard, type ImageProvider } from '@influgentic/media';
import { PlatformClients } from '../generate/platform-clients';
import { toContentItem } from '../items/content-item.view';
import { contentNotFound } from '../items/content-items.service';
import { ContentRepository } from '../items/content.repository';
import { JobRunner, JobStopped, type JobOutcome, type JobRun } from '../jobs/job-runner';
import { toJob } from '../jobs/job.types';
import { JobsRepository } from '../jobs/jobs.repository';
import { MediaFiles } from './media-files';
import { agentLook, mediaErrorCode } from './media-job-parts';
import { mediaLink } from './media-links';

export const IMAGE_JOB = 'content.image' as const;

interface ImageJobInput {
  content_id: string;
  aspect_ratio: MediaAspectRatio;
}

/** Statuses an item may get a new image in: it has its words and is not out in the world yet. */
const IMAGE_STATUSES = new Set(['pending_review', 'approved', 'rejected', 'scheduled', 'publish_failed']);

/**
 * `POST /v1/content/{id}/media` with `type: image`: a post image for an item, as a job. The image is the item's caption
 * on a card in the agent's look with its disclosures (satori + resvg offline), or a remote image model's picture
 * when one is configured (`MEDIA_IMAGE_PROVIDER`); either way it is marked as AI-generated and attached to the item's
 * `media` as `pending` for review.
 */
@Injectable()
export class ImageJobsService implements OnModuleInit {
  private readonly provider: ImageProvider | null = imageProviderFromEnv();

  constructor(
    private readonly jobs: JobsRepository,
    private readonly runner: JobRunner,
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    private readonly files: MediaFiles,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.runner.register(IMAGE_JOB, (run) => this.run(run));
  }

  async accept(ctx: RequestContext, id: string, body: CreateMediaBody, keyed: IdempotentRun): Promise<MediaJobAccepted> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row || (ctx.agentId && row.agent_id !== ctx.agentId)) throw contentNotFound(id);
    if (!IMAGE_STATUSES.has(row.status)) {
      throw new DomainError('invalid_state', `Content ${id} is ${row.status}; images are made for items that are written and not yet published`, [
        { field: 'status', code: 'invalid_state', message: `is ${row.status}` },
      ]);
    }
    const input: ImageJobInput = { content_id: row.id, aspect_ratio: body.aspect_ratio ?? defaultImageRatio(row.platform) };
    const result: ImageJobResult = {
      content_id: row.id, step: 'queued', aspect_ratio: input.aspect_ratio, media_index: null, image_url: null,
      // Sandbox work is never billed.
      credits_reserved: ctx.livemode ? IMAGE_CREDITS : 0, credits_billed: 0, credits_refunded: 0,
    };
    const accepted = await keyed.commit(async (m) => {
      const { row: job } = await this.jobs.insert(m, { id: newId('job'), ctx, type: IMAGE_JOB, agentId: row.agent_id, input: { ...input }, result: { ...result }, dedupeKey: null });
      return { content: toContentItem(row), job: toJob<ImageJobResult>(job) };
    });
    this.runner.kick();
    return accepted;
  }

  async run(run: JobRun): Promise<JobOutcome> {
    const input = run.job.input as unknown as ImageJobInput;
    const result = { ...(run.job.result as unknown as ImageJobResult) };
    const refund = (error: { code: string; message: string }): JobOutcome => ({
      result: { ...result, credits_refunded: result.credits_refunded + result.credits_reserved, credits_reserved: 0 }, error,
    });
    try {
      const row = await this.items.findForCaller(run.ctx, input.content_id);
      if (!row) return refund({ code: 'not_found', message: `content ${input.content_id} was deleted before its image was made` });
      await run.report(10, { ...result, step: 'frames' });
      const agent = await this.clients.agent(run.ctx, row.agent_id);
      const provenance = { fields: { agentName: agent.name, contentId: row.id, organizationId: run.ctx.organizationId } };
      let png: Buffer;
      let model = 'builtin/post-card-v1';
      if (this.provider) {
        const made = await this.provider.generate({ prompt: imagePrompt(row.caption || row.body, agent.name), aspectRatio: input.aspect_ratio, signal: run.signal });
        png = markPng(made.png, provenance);
        model = `${this.provider.name}/${made.model}`;
      } else {
        png = await renderPostCard({
          agent: agentLook(agent, row.language),
          aspectRatio: input.aspect_ratio, caption: stripDisclosureLine(row.caption || row.body, row.disclosures), hashtags: row.hashtags,
          disclosure: row.disclosures.length ? row.disclosures.join(' · ') : 'AI-generated', provenance,
        });
      }
      await run.report(70, { ...result, step: 'storing' });
      const name = `image-${input.aspect_ratio.replace(':', 'x')}-${run.job.id.slice(-8)}.png`;
      const stored = await this.files.put(run.ctx, row.id, name, png, 'image/png');
      const media = await this.items.transaction(async (m) => {
        await run.assertHeld(m);
        const locked = await this.items.lockForCaller(m, run.ctx, row.id);
        if (!locked) return null;
        // Published (or failed, deleted) since the image was asked for: it is no longer the item's to change.
        if (!IMAGE_STATUSES.has(locked.status)) throw Object.assign(new Error(`content ${row.id} is ${locked.status} now; the image was not attached`), { code: 'media_invalid_state' });
        // A retried attempt finds its own image already attached.
        const existing = locked.media.find((x) => x.key === stored.key);
        if (existing) return existing;
        const entry: ContentMedia = {
          index: locked.media.reduce((n, x) => Math.max(n, x.index + 1), 0), type: 'image', url: null, status: 'pending', key: stored.key,
          content_type: stored.contentType, bytes: stored.bytes, aspect_ratio: input.aspect_ratio, ai_generated: true, model,
          prompt: this.provider ? imagePrompt(row.caption || row.body, agent.name) : null,
        };
        await this.items.update(m, row.id, { media: [...locked.media, entry] });
        return entry;
      });
      if (!media) return refund({ code: 'not_found', message: `content ${input.content_id} was deleted before its image was attached` });
      return {
        result: {
          ...result, step: 'done', media_index: media.index, image_url: mediaLink(stored.key).url,
          credits_billed: result.credits_reserved, credits_reserved: 0,
        },
      };
    } catch (err) {
      if (err instanceof JobStopped || run.signal.reason instanceof JobStopped) throw run.signal.reason instanceof JobStopped ? run.signal.reason : err;
      this.log.warn({ job_id: run.job.id, err: err instanceof Error ? err.message : String(err) }, 'image job failed');
      return refund({ code: mediaErrorCode(err) ?? 'media_failed', message: err instanceof Error ? err.message.slice(0, 500) : String(err) });
    }
  }
}

/** The caption without its first line when that line is the disclosure line (the card shows disclosures in a band). */
export function stripDisclosureLine(caption: string, disclosures: readonly string[]): string {
  const [first, ...rest] = caption.split('\n');
  return disclosures.length && disclosures.every((d) => first.includes(d)) ? rest.join('\n').trim() : caption;
}

function imagePrompt(text: string, agentName: string): string {
  return `A social media post image for ${agentName}: ${text.replace(/#\S+/g, '').replace(/\s+/g, ' ').trim().slice(0, 600)}. No text in the image.`;
}
