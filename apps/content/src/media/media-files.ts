import { Injectable } from '@nestjs/common';
import {
  checkMediaFile, dataDirFromEnv, mediaStorageFromEnv, type MediaStorage, type ProbeResult, type SniffedMediaType, type StoredMedia,
} from '@influgentic/media';
import type { ContentMedia, RequestContext } from '@influgentic/contracts';
import type { RenderedVideo } from './video-pipeline';

/** Largest file of each kind an item may reference (a 60 s 720p video is a few MB; these leave room for providers). */
const MAX_BYTES: Record<SniffedMediaType, number> = {
  'video/mp4': 200 * 1024 * 1024, 'audio/wav': 20 * 1024 * 1024, 'image/png': 20 * 1024 * 1024, 'text/vtt': 1024 * 1024, 'application/x-subrip': 1024 * 1024,
};

/** A measured video may be this far from the length asked for (encoders round to whole frames and audio packets). */
export const DURATION_TOLERANCE_SECONDS = 0.25;

/**
 * The content service's media storage: where an item's files go (`<org>/<live|test>/<content id>/<name>`), each
 * checked (type read from its bytes, size, and for video the duration and codec read back) before an item
 * references it.
 */
@Injectable()
export class MediaFiles {
  readonly storage: MediaStorage = mediaStorageFromEnv({ dataDir: dataDirFromEnv(), publicBaseUrl: process.env.PUBLIC_BASE_URL?.trim() ?? '' });

  keyFor(ctx: RequestContext, contentId: string, name: string): string {
    return `${ctx.organizationId.toLowerCase()}/${ctx.livemode ? 'live' : 'test'}/${contentId.toLowerCase()}/${name}`;
  }

  async put(ctx: RequestContext, contentId: string, name: string, data: Buffer | { path: string }, type: SniffedMediaType): Promise<StoredMedia> {
    await checkMediaFile(Buffer.isBuffer(data) ? { buffer: data } : data, { expectedType: type, maxBytes: MAX_BYTES[type] });
    return this.storage.put(this.keyFor(ctx, contentId, name), data, type);
  }

  /** Stores a rendered video and what comes with it; returns the item's media entries (video first). */
  async storeVideo(ctx: RequestContext, contentId: string, video: RenderedVideo, expectedSeconds: number | null): Promise<{ media: ContentMedia[]; video: StoredMedia; probe: ProbeResult; voice: string }> {
    checkVideoProbe(video.probe, expectedSeconds);
    const mp4 = await this.put(ctx, contentId, 'video.mp4', { path: video.path }, 'video/mp4');
    const wav = await this.put(ctx, contentId, 'speech.wav', video.wav, 'audio/wav');
    const srt = await this.put(ctx, contentId, 'captions.srt', Buffer.from(video.srt), 'application/x-subrip');
    const vtt = await this.put(ctx, contentId, 'captions.vtt', Buffer.from(video.vtt), 'text/vtt');
    const thumb = await this.put(ctx, contentId, 'thumbnail.png', video.thumbnail, 'image/png');
    const p = video.probe;
    const base = { status: 'pending' as const, url: null, ai_generated: true };
    const media: ContentMedia[] = [
      { ...base, index: 0, type: 'video', key: mp4.key, content_type: mp4.contentType, bytes: mp4.bytes, width: p.width ?? undefined, height: p.height ?? undefined, duration_seconds: round2(p.durationSeconds) },
      { ...base, index: 1, type: 'audio', key: wav.key, content_type: wav.contentType, bytes: wav.bytes, duration_seconds: round2(p.durationSeconds) },
      { ...base, index: 2, type: 'captions', key: srt.key, content_type: srt.contentType, bytes: srt.bytes },
      { ...base, index: 3, type: 'captions', key: vtt.key, content_type: vtt.contentType, bytes: vtt.bytes },
      { ...base, index: 4, type: 'image', key: thumb.key, content_type: thumb.contentType, bytes: thumb.bytes, width: p.width ?? undefined, height: p.height ?? undefined },
    ];
    return { media, video: mp4, probe: p, voice: video.voice };
  }
}

/**
 * A video an item may reference: H.264 with a picture and a duration ffprobe could read — within a quarter second of
 * the length asked for when it was rendered here (a remote generator's lengths are its own).
 */
export function checkVideoProbe(p: ProbeResult, expectedSeconds: number | null): void {
  const problem = p.videoCodec !== 'h264' ? `codec ${p.videoCodec ?? 'none'}, not h264`
    : !p.width || !p.height ? 'no picture'
      : !(p.durationSeconds > 0) ? 'no duration'
        : expectedSeconds !== null && Math.abs(p.durationSeconds - expectedSeconds) > DURATION_TOLERANCE_SECONDS ? `${p.durationSeconds} s long, not ${expectedSeconds} s`
          : null;
  if (problem) throw Object.assign(new Error(`the video failed its checks: ${problem}`), { code: 'media_check_failed' });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
