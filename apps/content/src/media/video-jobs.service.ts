import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DomainError, VIDEO_DURATION, defaultVideoKind, defaultVideoRatio, newId, videoCredits, type GenerateVideoBody,
  type MediaAspectRatio, type Platform, type RequestContext, type ResolvedAgent, type VideoGenerateAccepted, type VideoJobResult,
  type VideoKind, type VideoStatus,
} from '@influgentic/contracts';
import type { Commit, IdempotentRun } from '@influgentic/messaging';
import { voiceProblem } from '@influgentic/media';
import type { GenerationProduct } from '../generation';
import { productFromCampaign } from '../generate/generation.service';
import { PlatformClients } from '../generate/platform-clients';
import type { ContentItemEntity } from '../items/content-item.entity';
import { toContentItem } from '../items/content-item.view';
import { ContentRepository } from '../items/content.repository';
import { JobRunner } from '../jobs/job-runner';
import { toJob, type JobRow } from '../jobs/job.types';
import { JobsRepository } from '../jobs/jobs.repository';
import { organicBrief } from '../planner/week-plan.service';
import { MediaJobsRepository } from './media-jobs.repository';
import { presentMedia } from './media-links';

export const VIDEO_JOB = 'content.video' as const;

/** What a video job stores as its input: the validated request with its defaults settled. */
export interface VideoJobInput {
  content_id: string;
  agent_id: string;
  platform: Platform;
  scene_description: string;
  duration_seconds: number;
  aspect_ratio: MediaAspectRatio;
  type: VideoKind;
  language: string;
  script: string | null;
  voice: string | null;
  campaign_id: string | null;
  product: GenerationProduct;
  sponsored: boolean;
  batch_id?: string;
  line?: number;
}

/** A video request as the bulk batch and the single endpoint both give it. */
export type VideoRequest = Omit<VideoJobInput, 'content_id' | 'language' | 'product' | 'sponsored'> & {
  language: string | null;
  product: GenerationProduct | null;
};

const field = (name: string, code: string, message: string) => [{ field: name, code, message }];

/** Credits a render holds: a second of video costs a credit in live mode; sandbox work is never billed. */
export function creditsFor(durationSeconds: number, livemode: boolean): number {
  return livemode ? videoCredits(durationSeconds) : 0;
}

export function emptyVideoResult(input: Pick<VideoJobInput, 'content_id' | 'aspect_ratio' | 'duration_seconds'>, livemode: boolean): VideoJobResult {
  return {
    content_id: input.content_id, step: 'queued', aspect_ratio: input.aspect_ratio, duration_seconds: null, video_url: null, captions: null,
    audio_url: null, thumbnail_url: null, credits_reserved: creditsFor(input.duration_seconds, livemode), credits_billed: 0, credits_refunded: 0,
    voice: null, checks: null,
  };
}

/**
 * `POST /v1/content/video/generate` and the video's status, stop and continue. Accepting checks the request against the
 * agent (ready, language) and the campaign (the agent's), then writes the item (`generating`), its job and the
 * idempotency record in one transaction; the job (video-render.job.ts) does the work. Credits are held on the job from
 * the start, refunded by a stop, a cancel or a failure, held again by a continue and billed when the video is stored.
 */
@Injectable()
export class VideoJobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly media: MediaJobsRepository,
    private readonly runner: JobRunner,
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
  ) {}

  async accept(ctx: RequestContext, body: GenerateVideoBody, keyed: IdempotentRun): Promise<VideoGenerateAccepted> {
    const request: VideoRequest = {
      agent_id: body.agent_id, platform: body.platform, scene_description: body.scene_description.trim(),
      duration_seconds: body.duration_seconds ?? VIDEO_DURATION.default, aspect_ratio: body.aspect_ratio ?? defaultVideoRatio(body.platform),
      type: body.type ?? defaultVideoKind(body.platform), language: body.language ?? null, script: body.script?.trim() || null,
      voice: body.voice ?? null, campaign_id: body.campaign_id ?? null, product: body.product ? { ...body.product } : null,
    };
    const input = await this.settle(ctx, request);
    const accepted = await keyed.commit(async (m) => this.insert(m, ctx, input));
    this.runner.kick();
    return accepted;
  }

  /**
   * Checks one video request against its agent and campaign and settles its defaults (language, what it promotes).
   * Refusals name the request's fields.
   */
  async settle(ctx: RequestContext, request: VideoRequest, agent?: ResolvedAgent): Promise<Omit<VideoJobInput, 'content_id'>> {
    if (ctx.agentId && ctx.agentId !== request.agent_id) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    agent ??= await this.clients.agent(ctx, request.agent_id);
    if (agent.status === 'training' || agent.status === 'failed') {
      throw new DomainError('agent_not_ready', `Agent ${agent.id} is ${agent.status}; it can make videos once its status is ready`);
    }
    const badVoice = request.voice ? await voiceProblem(request.voice) : null;
    if (badVoice) throw DomainError.validation(field('voice', 'unknown_voice', badVoice));
    const campaign = request.campaign_id ? await this.clients.campaign(ctx, request.campaign_id) : null;
    if (campaign && campaign.agent_id !== agent.id) {
      throw DomainError.validation(field('campaign_id', 'agent_mismatch', `belongs to agent ${campaign.agent_id}, not ${agent.id}`));
    }
    const campaignLanguages = campaign?.config.languages ?? [];
    const language = request.language ?? campaignLanguages.find((l) => agent!.languages.includes(l)) ?? agent.languages[0] ?? 'en';
    if (!agent.languages.includes(language)) {
      throw new DomainError('unsupported_language', `${agent.name} does not speak ${language}`,
        field('language', 'unsupported', `must be one of the agent's languages: ${agent.languages.join(', ')}`));
    }
    const product: GenerationProduct = request.product
      ?? (campaign ? productFromCampaign(campaign, agent) : null)
      ?? organicBrief(agent, request.scene_description.slice(0, 80));
    return { ...request, language, product, sponsored: !!(request.product || campaign) };
  }

  /** The item (`generating`, a video script to be) and its queued job; inside the caller's transaction. */
  async insert(m: EntityManager, ctx: RequestContext, settled: Omit<VideoJobInput, 'content_id'>): Promise<VideoGenerateAccepted> {
    const contentId = newId('content');
    const jobId = newId('job');
    const input: VideoJobInput = { ...settled, content_id: contentId };
    const now = new Date();
    const row: ContentItemEntity = {
      id: contentId, organization_id: ctx.organizationId, livemode: ctx.livemode, agent_id: input.agent_id, campaign_id: input.campaign_id,
      content_type: input.sponsored ? 'product_review' : 'product_launch', format: 'video_script', platform: input.platform,
      language: input.language, length: 'short', status: 'generating', title: null, body: '', caption: '', hashtags: [], cta: null,
      disclosures: [], sections: null, variants: [], selected_variant: null, media: [], compliance_mode: 'standard', compliance_flags: [],
      review_reasons: [],
      brief: {
        product: input.product, tone: null, include_cta: true, sponsored: input.sponsored, seed: contentId, campaign_name: null,
        topic: input.scene_description.slice(0, 200), media_job: jobId,
      },
      model: 'builtin/media-v1', tokens_input: 0, tokens_output: 0, latency_ms: null, session_id: null, reservation_id: null,
      reservation_state: null, amount_cents: null, failure_reason: null, rejection_reason: null, scheduled_at: null, published_at: null,
      created_at: now, updated_at: now,
    };
    await this.items.insert(row, m, ctx.keyId ? { kind: 'key', id: ctx.keyId } : { kind: 'system', id: null });
    const { row: job } = await this.jobs.insert(m, {
      id: jobId, ctx, type: VIDEO_JOB, agentId: input.agent_id, input: { ...input }, result: emptyVideoResult(input, ctx.livemode), dedupeKey: null,
    });
    return { content: toContentItem(row), job: toJob<VideoJobResult>(job) };
  }

  async status(ctx: RequestContext, id: string): Promise<VideoStatus> {
    return this.statusOf(ctx, id, await this.visibleJob(ctx, id));
  }

  /** A job as its video's status; links are signed afresh from the item's media on every read (the job's copies expire). */
  private async statusOf(ctx: RequestContext, id: string, job: JobRow): Promise<VideoStatus> {
    const r = (job.result ?? {}) as Partial<VideoJobResult>;
    const media = presentMedia((await this.items.findForCaller(ctx, String(job.input.content_id)))?.media);
    const url = (type: string, contentType?: string) => media.find((x) => x.type === type && (!contentType || x.content_type === contentType))?.url ?? null;
    const srt = url('captions', 'application/x-subrip');
    const vtt = url('captions', 'text/vtt');
    return {
      id, content_id: String(job.input.content_id), job_id: job.id, status: job.status, progress: job.progress, step: r.step ?? 'queued',
      result: {
        video_url: url('video'), duration_seconds: r.duration_seconds ?? null, credits_billed: r.credits_billed ?? 0,
        captions: srt && vtt ? { srt_url: srt, vtt_url: vtt } : null, audio_url: url('audio'), thumbnail_url: url('image'),
      },
      error: job.error ?? null,
    };
  }

  /** Stops a queued or running render: the work stops at its next step and the held credits go back. */
  async stop(ctx: RequestContext, id: string, commit: Commit): Promise<VideoStatus> {
    const job = await this.visibleJob(ctx, id);
    if (job.status === 'stopped') return this.status(ctx, id);
    // The answer is recorded with the stop (an Idempotency-Key replays it), so it is made from the row as stopped.
    return commit(async (m) => {
      const row = await this.jobs.stop(m, ctx, job.id);
      if (!row) throw invalidState(job.id, (await this.jobs.findForCaller(ctx, job.id))?.status ?? job.status, 'stopped', 'queued or processing');
      return this.statusOf(ctx, id, row);
    });
  }

  /** Continues a stopped render from the start of its work, holding its credits again. */
  async resume(ctx: RequestContext, id: string, commit: Commit): Promise<VideoStatus> {
    const job = await this.visibleJob(ctx, id);
    if (job.status === 'queued' || job.status === 'processing') return this.status(ctx, id);
    const input = job.input as unknown as VideoJobInput;
    const resumed = await commit(async (m) => {
      const row = await this.jobs.resume(m, ctx, job.id, creditsFor(input.duration_seconds, ctx.livemode));
      if (!row) throw invalidState(job.id, job.status, 'continued', 'stopped');
      return this.statusOf(ctx, id, row);
    });
    this.runner.kick();
    return resumed;
  }

  /** A video's job by its content id or its own id; another organization's (or mode's) is a 404. */
  private async visibleJob(ctx: RequestContext, id: string): Promise<JobRow> {
    const job = id.startsWith('job_') ? await this.jobs.findForCaller(ctx, id) : await this.media.jobForContent(ctx, id, VIDEO_JOB);
    if (!job || job.type !== VIDEO_JOB) throw DomainError.notFound('Video', id);
    if (ctx.agentId && job.agent_id && job.agent_id !== ctx.agentId) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    return job;
  }
}

function invalidState(id: string, status: string, verb: string, allowed: string): DomainError {
  return new DomainError('invalid_state', `Video job ${id} is ${status}; only a ${allowed} render can be ${verb}`, [
    { field: 'status', code: 'invalid_state', message: `is ${status}` },
  ]);
}
