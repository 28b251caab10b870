import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ContentMedia, ResolvedAgent, VideoJobResult } from '@influgentic/contracts';
import { OutboxWriter, SERVICE_LOGGER } from '@influgentic/messaging';
import { buildGenerationRequest, disclosuresFor, finalizeForRequest, type FinalContent } from '../generation';
import { describeFailure } from '../generate/generation.errors';
import { GeneratorProvider } from '../generate/generators';
import { PlatformClients } from '../generate/platform-clients';
import type { ContentItemEntity } from '../items/content-item.entity';
import { ContentRepository } from '../items/content.repository';
import { JobRunner, JobStopped, type JobOutcome, type JobRun } from '../jobs/job-runner';
import { MediaFiles } from './media-files';
import { agentLook, mediaErrorCode } from './media-job-parts';
import { mediaLink } from './media-links';
import { requireMediaTools, videoProviderFromEnv } from '@influgentic/media';
import { renderRemoteVideo, renderVideo, withScratchDir, type VideoSpec, type VideoStep } from './video-pipeline';
import { VIDEO_JOB, creditsFor, type VideoJobInput } from './video-jobs.service';
import { fitScenes, lengthForDuration, scenesFromScript, scenesFromText, type VideoScene } from './video-script';

/** Where each step starts on the job's 0..100 progress; a step's own progress moves within its band. */
const STEP_BAND: Record<'script' | VideoStep | 'storing', [number, number]> = {
  script: [2, 10], speech: [10, 30], frames: [30, 50], encoding: [50, 90], storing: [90, 99],
};

/** The script as the item will carry it. */
interface VideoScript {
  final: Pick<FinalContent, 'title' | 'body' | 'caption' | 'hashtags' | 'cta' | 'disclosures' | 'sections' | 'flags'>;
  scenes: VideoScene[];
  model: string;
  tokens: { input: number; output: number };
}

/**
 * The video job: writes the script (or takes the caller's), renders it (video-pipeline.ts), stores the MP4, the WAV,
 * the captions and a thumbnail, then completes the item with its media and emits `agent.content_generated` in one
 * transaction; credits move from held to billed. A failure fails the item and refunds; a stop lets go at the next
 * step (the stop already refunded), and a continue renders again from the start.
 */
@Injectable()
export class VideoRenderJob implements OnModuleInit {
  /** A remote video generator when one is configured; otherwise videos are rendered here. */
  private readonly provider = videoProviderFromEnv();

  constructor(
    private readonly runner: JobRunner,
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    private readonly generators: GeneratorProvider,
    private readonly files: MediaFiles,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.runner.register(VIDEO_JOB, (run) => this.run(run));
  }

  async run(run: JobRun): Promise<JobOutcome> {
    const input = run.job.input as unknown as VideoJobInput;
    const result = { ...(run.job.result as unknown as VideoJobResult) };
    const item = await this.items.findForCaller(run.ctx, input.content_id);
    // Already finished by an earlier attempt that stopped before the job was marked done: nothing to make again.
    if (item && item.status !== 'generating') return this.alreadyMade(item, result);
    if (!item) return this.failed(run, input, result, { code: 'not_found', message: `content ${input.content_id} was deleted before its video was made` });
    const report = (step: keyof typeof STEP_BAND, fraction: number) => {
      const [from, to] = STEP_BAND[step];
      result.step = step === 'speech' || step === 'frames' || step === 'encoding' || step === 'storing' || step === 'script' ? step : result.step;
      return run.report(Math.round(from + (to - from) * Math.min(1, Math.max(0, fraction))), { ...result });
    };
    try {
      // Before any model tokens are spent: a missing tool ends the job here, with what to install.
      await requireMediaTools(['ffmpeg', 'ffprobe', 'espeak']);
      await report('script', 0);
      const agent = await this.clients.agent(run.ctx, input.agent_id);
      const script = await this.script(run, input, agent);
      let pending: Promise<void> = Promise.resolve();
      const spec: VideoSpec = {
        scenes: script.scenes, durationSeconds: input.duration_seconds, aspectRatio: input.aspect_ratio, language: input.language,
        voice: input.voice, look: agentLook(agent, input.language),
        disclosure: script.final.disclosures.join(' · ') || disclosureLine(input),
        provenance: { fields: { agentName: agent.name, contentId: input.content_id, organizationId: run.ctx.organizationId } },
      };
      const stored = await withScratchDir(async (dir) => {
        const opts = {
          signal: run.signal,
          // Progress writes renew the lease too; one at a time, and a stop surfaces at the next step boundary.
          onStep: (step: VideoStep, fraction: number) => { pending = pending.then(() => report(step, fraction)).catch(() => undefined); },
          // Kept before waiting on the provider, so an attempt after a crash follows this generation instead of paying again.
          resumeId: result.provider_job_id ?? null,
          onStarted: async (id: string) => {
            result.provider_job_id = id;
            await run.report(STEP_BAND.encoding[0], { ...result });
          },
        };
        const prompt = `${input.scene_description}. ${script.scenes.map((x) => x.voiceover).join(' ')}`.slice(0, 2000);
        const video = this.provider ? await renderRemoteVideo(spec, prompt, this.provider, dir, opts) : await renderVideo(spec, dir, opts);
        if ('model' in video) script.model = String(video.model);
        await pending;
        await report('storing', 0);
        return this.files.storeVideo(run.ctx, input.content_id, video, this.provider ? null : input.duration_seconds);
      });
      result.voice = stored.voice;
      result.duration_seconds = stored.probe.durationSeconds;
      result.checks = {
        video_codec: stored.probe.videoCodec ?? 'unknown', audio_codec: stored.probe.audioCodec, width: stored.probe.width ?? 0,
        height: stored.probe.height ?? 0, bytes: stored.video.bytes,
      };
      const completed = await this.complete(run, input, script, stored.media, result);
      if (!completed) return this.failed(run, input, result, { code: 'conflict', message: `content ${input.content_id} stopped generating (deleted or failed) while its video was made` });
      return { result: this.linked(completed, result) };
    } catch (err) {
      if (err instanceof JobStopped || run.signal.reason instanceof JobStopped) throw run.signal.reason instanceof JobStopped ? run.signal.reason : err;
      const failure = describeFailure(err);
      this.log.warn({ job_id: run.job.id, content_id: input.content_id, err: err instanceof Error ? err.message : String(err) }, 'video render failed');
      return this.failed(run, input, result, { code: mediaErrorCode(err) ?? failure.code, message: err instanceof Error ? err.message.slice(0, 500) : failure.message });
    }
  }

  /** The caller's script as written (with the platform's disclosures), or one the agent writes for the scene. */
  private async script(run: JobRun, input: VideoJobInput, agent: ResolvedAgent): Promise<VideoScript> {
    if (input.script) {
      const d = disclosuresFor({ mode: 'standard', language: input.language, sponsored: input.sponsored });
      const scenes = fitScenes(scenesFromText(input.script, input.scene_description), input.duration_seconds);
      return {
        final: {
          title: null, body: input.script, caption: [d.line, input.scene_description].filter(Boolean).join('\n'), hashtags: [], cta: null,
          disclosures: d.disclosures, sections: undefined, flags: [],
        },
        scenes, model: 'caller/script', tokens: { input: 0, output: 0 },
      };
    }
    const { generator } = await this.generators.forAgent(run.ctx.organizationId, run.ctx.livemode, agent.id);
    const request = buildGenerationRequest({
      body: {
        content_type: input.sponsored ? 'product_review' : 'product_launch', product: input.product, format: 'video_script',
        length: lengthForDuration(input.duration_seconds), language: input.language, include_cta: true, platform: input.platform, tone: null,
        topic: input.scene_description.slice(0, 200), guidance: null,
      },
      agent, campaign: null, seed: input.content_id, sponsored: input.sponsored,
    });
    const stream = generator.stream(request, { signal: run.signal });
    for await (const _ of stream) { /* the whole script is needed before it is spoken */ }
    const [generated, usage] = await Promise.all([stream.result, stream.usage]);
    const final = finalizeForRequest(generated, request);
    const fromScenes = scenesFromScript(final.sections);
    const scenes = fitScenes(fromScenes.length ? fromScenes : scenesFromText(final.body, input.scene_description), input.duration_seconds);
    // The opening scene shows what the caller described.
    if (scenes.length) scenes[0] = { ...scenes[0], headline: input.scene_description.length <= 60 ? input.scene_description : scenes[0].headline };
    return { final, scenes, model: usage.model, tokens: { input: usage.inputTokens, output: usage.outputTokens } };
  }

  /** The item gets its script and media and goes to review; its event goes out with it. */
  private async complete(run: JobRun, input: VideoJobInput, script: VideoScript, media: ContentMedia[], result: VideoJobResult): Promise<ContentItemEntity | null> {
    const ctx = run.ctx;
    return this.items.transaction(async (m) => {
      // Stopped, cancelled or taken over while the files were stored: the item is not this worker's to finish.
      await run.assertHeld(m);
      const row = await this.items.complete(m, input.content_id, {
        status: 'pending_review', title: script.final.title, body: script.final.body, caption: script.final.caption, hashtags: script.final.hashtags,
        cta: script.final.cta, disclosures: script.final.disclosures, sections: script.final.sections ?? null,
        compliance_flags: script.final.flags.map((f) => ({ ...f })), review_reasons: [], model: script.model,
        tokens_input: script.tokens.input, tokens_output: script.tokens.output, latency_ms: null,
      });
      if (!row) return null;
      const withMedia = await this.items.update(m, row.id, { media });
      // Whole seconds of the stored video, never more than was held (a remote model may make a shorter clip).
      const measured = creditsFor(result.duration_seconds ?? input.duration_seconds, ctx.livemode);
      result.credits_billed = Math.min(result.credits_reserved, measured);
      result.credits_refunded += result.credits_reserved - result.credits_billed;
      result.credits_reserved = 0;
      await this.outbox.enqueue(m, {
        type: 'agent.content_generated', organizationId: row.organization_id, livemode: row.livemode,
        data: {
          content_id: row.id, agent_id: row.agent_id, campaign_id: row.campaign_id, content_type: row.content_type, format: row.format,
          platform: row.platform, language: row.language, status: row.status, model: row.model, tokens: row.tokens_input + row.tokens_output,
          review_reasons: row.review_reasons, disclosures: row.disclosures, media: media.map((x) => ({ index: x.index, type: x.type })),
        },
      }, ctx);
      return withMedia;
    });
  }

  /** The job's result with fresh links to what the item now holds. */
  private linked(row: ContentItemEntity, result: VideoJobResult): VideoJobResult {
    const keyOf = (type: ContentMedia['type'], suffix?: string) => row.media.find((x) => x.type === type && (!suffix || x.key?.endsWith(suffix)))?.key;
    const link = (key: string | undefined) => (key ? mediaLink(key).url : null);
    const srt = keyOf('captions', '.srt');
    const vtt = keyOf('captions', '.vtt');
    return {
      ...result, step: 'done', video_url: link(keyOf('video')), audio_url: link(keyOf('audio')), thumbnail_url: link(keyOf('image')),
      captions: srt && vtt ? { srt_url: link(srt)!, vtt_url: link(vtt)! } : null,
    };
  }

  private alreadyMade(item: ContentItemEntity, result: VideoJobResult): JobOutcome {
    if (item.status === 'failed' || !item.media.some((x) => x.type === 'video')) {
      return { result: { ...result, credits_refunded: result.credits_refunded + result.credits_reserved, credits_reserved: 0 }, error: { code: 'generation_failed', message: item.failure_reason ?? `content ${item.id} is ${item.status}` } };
    }
    return { result: this.linked(item, { ...result, credits_billed: result.credits_billed || result.credits_reserved, credits_reserved: 0 }) };
  }

  /** The item fails with the reason and the held credits go back; the job ends `error` with the same reason. */
  private async failed(run: JobRun, input: VideoJobInput, result: VideoJobResult, error: { code: string; message: string }): Promise<JobOutcome> {
    await this.items.fail(input.content_id, `video: ${error.message}`).catch((e) => this.log.warn({ content_id: input.content_id, err: String(e) }, 'could not mark item failed'));
    return { result: { ...result, credits_refunded: result.credits_refunded + result.credits_reserved, credits_reserved: 0 }, error };
  }
}

function disclosureLine(input: VideoJobInput): string {
  return disclosuresFor({ mode: 'standard', language: input.language, sponsored: input.sponsored }).line ?? 'AI-generated';
}
