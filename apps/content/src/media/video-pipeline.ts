import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AI_GENERATED_COMMENT, VIDEO_SIZES, assembleVideo, fitSpeech, iso639_2, markMp4File, markWav, probeMedia, renderSceneFrame, requireMediaTools,
  runProcess, splitScript, toSrt, toVtt,
  type AgentLook, type AspectRatio, type ProbeResult, type ProvenanceInfo, type TimedSegment, type VideoProvider,
} from '@influgentic/media';
import { writeFile } from 'node:fs/promises';
import type { VideoScene } from './video-script';

/** Seconds from the start during which the disclosure banner is shown (FTC: clear and conspicuous, up front). */
export const DISCLOSURE_SECONDS = 3;
/** Room left at the end of the video after the last word. */
const TAIL_SECONDS = 0.4;

export interface VideoSpec {
  scenes: VideoScene[];
  durationSeconds: number;
  aspectRatio: AspectRatio;
  language: string;
  voice: string | null;
  look: AgentLook;
  /** Shown as a banner in the opening seconds (e.g. "#ad · AI-generated"). */
  disclosure: string;
  provenance: ProvenanceInfo;
}

export type VideoStep = 'speech' | 'frames' | 'encoding';

export interface RenderOptions {
  signal?: AbortSignal;
  onStep?: (step: VideoStep, fraction: number) => void;
  /** Remote renders: the provider's id of a generation an earlier attempt started, and where to keep a new one's. */
  resumeId?: string | null;
  onStarted?: (id: string) => Promise<void>;
}

export interface RenderedVideo {
  /** The MP4 on disk (in `dir`), marked as AI-generated. */
  path: string;
  wav: Buffer;
  srt: string;
  vtt: string;
  thumbnail: Buffer;
  cues: TimedSegment[];
  voice: string;
  probe: ProbeResult;
}

/** One caption cue and the scene it belongs to. */
interface Cue {
  text: string;
  scene: number;
}

/** Caption-sized cues of every scene, in order (two lines of up to 42 characters each). */
export function cuesOf(scenes: readonly VideoScene[]): Cue[] {
  return scenes.flatMap((s, scene) => splitScript(s.voiceover).map((text) => ({ text, scene })));
}

/**
 * How long each frame is shown: frame i from its cue's start to the next cue's start (the first from 0, the last to
 * the end), so the burned-in caption changes exactly when its words are spoken.
 */
export function frameTimings(cues: readonly TimedSegment[], durationSeconds: number): number[] {
  const starts = cues.map((c, i) => (i === 0 ? 0 : Math.min(c.start, durationSeconds)));
  return starts.map((start, i) => Math.max(0, (i + 1 < starts.length ? starts[i + 1] : durationSeconds) - start));
}

/**
 * Renders a video offline: the script spoken with espeak-ng (its rate fitted to the duration), one frame per caption
 * cue (the scene's headline, the burned-in caption, the disclosure banner in the opening seconds), assembled with
 * ffmpeg into H.264/AAC with a soft subtitle track, marked as AI-generated and read back with ffprobe. Every tool is
 * looked for before any work, so a missing one is a clear error at the start.
 */
export async function renderVideo(spec: VideoSpec, dir: string, opts: RenderOptions = {}): Promise<RenderedVideo> {
  await requireMediaTools(['ffmpeg', 'ffprobe', 'espeak']);
  const { signal, onStep } = opts;
  const { cues, speech, timed } = await speak(spec, opts);
  const seconds = frameTimings(timed, spec.durationSeconds);

  const frames: Array<{ png: Buffer; seconds: number }> = [];
  for (let i = 0; i < timed.length; i++) {
    signal?.throwIfAborted();
    onStep?.('frames', i / timed.length);
    const scene = spec.scenes[cues[i].scene];
    const png = await renderSceneFrame({
      agent: spec.look, aspectRatio: spec.aspectRatio, sceneDescription: scene.headline, caption: timed[i].text,
      disclosure: timed[i].start < DISCLOSURE_SECONDS || i === 0 ? spec.disclosure : null, sceneIndex: cues[i].scene,
      provenance: spec.provenance,
    });
    frames.push({ png, seconds: seconds[i] });
  }

  onStep?.('encoding', 0);
  const path = join(dir, 'video.mp4');
  await assembleVideo({
    frames, audio: speech.wav, subtitles: { cues: timed, language: spec.language }, durationSeconds: spec.durationSeconds,
    size: VIDEO_SIZES[spec.aspectRatio], outPath: path, signal, onProgress: (f) => onStep?.('encoding', f),
  });
  await markMp4File(path, spec.provenance);
  const probe = await probeMedia(path, { signal });
  return {
    path, wav: markWav(speech.wav, spec.provenance), srt: toSrt(timed), vtt: toVtt(timed), thumbnail: frames[0].png, cues: timed,
    voice: speech.voice, probe,
  };
}

/** The script spoken to fit the duration, and its cues cut at the video's end. */
async function speak(spec: VideoSpec, opts: RenderOptions) {
  const cues = cuesOf(spec.scenes);
  opts.onStep?.('speech', 0);
  const speech = await fitSpeech({
    segments: cues.map((c) => c.text), language: spec.language, ...(spec.voice ? { voice: spec.voice } : {}),
    targetSeconds: Math.max(1, spec.durationSeconds - TAIL_SECONDS), signal: opts.signal,
  });
  const timed = speech.segments.filter((s) => s.start < spec.durationSeconds).map((s) => ({ ...s, end: Math.min(s.end, spec.durationSeconds) }));
  return { cues, speech, timed };
}

/**
 * A video from a remote generator (`MEDIA_VIDEO_PROVIDER`): the provider makes the footage from the scene and the
 * script; the voiceover and the captions are made here and muxed in (the picture is copied, not re-encoded), cut to
 * the duration asked for, faststart, marked as AI-generated and read back like an offline render. The disclosure is
 * in the item, the captions file and the metadata; it is not burned into remote footage.
 */
export async function renderRemoteVideo(spec: VideoSpec, prompt: string, provider: VideoProvider, dir: string, opts: RenderOptions = {}): Promise<RenderedVideo & { model: string }> {
  const { ffmpeg } = await requireMediaTools(['ffmpeg', 'ffprobe', 'espeak']);
  const { signal, onStep } = opts;
  const { speech, timed } = await speak(spec, opts);
  onStep?.('encoding', 0);
  const made = await provider.generate({
    prompt, durationSeconds: spec.durationSeconds, aspectRatio: spec.aspectRatio, signal, onProgress: (f) => onStep?.('encoding', f * 0.9),
    resumeId: opts.resumeId, onStarted: opts.onStarted,
  });
  const footage = join(dir, 'footage.mp4');
  const wav = join(dir, 'speech.wav');
  const srt = join(dir, 'captions.srt');
  await Promise.all([writeFile(footage, made.mp4), writeFile(wav, speech.wav), writeFile(srt, toSrt(timed))]);
  const path = join(dir, 'video.mp4');
  await runProcess(ffmpeg.path, [
    '-v', 'error', '-y', '-i', footage, '-i', wav, '-i', srt, '-map', '0:v:0', '-map', '1:a:0', '-map', '2:s:0',
    '-c:v', 'copy', '-c:a', 'aac', '-c:s', 'mov_text', '-metadata:s:s:0', `language=${iso639_2(spec.language)}`,
    '-t', String(spec.durationSeconds), '-movflags', '+faststart', '-metadata', `comment=${AI_GENERATED_COMMENT}`, path,
  ], { signal, timeoutMs: 120_000 });
  await markMp4File(path, spec.provenance);
  const probe = await probeMedia(path, { signal });
  const thumbnail = await renderSceneFrame({
    agent: spec.look, aspectRatio: spec.aspectRatio, sceneDescription: spec.scenes[0]?.headline ?? '', caption: timed[0]?.text ?? null,
    disclosure: spec.disclosure, sceneIndex: 0, provenance: spec.provenance,
  });
  return {
    path, wav: markWav(speech.wav, spec.provenance), srt: toSrt(timed), vtt: toVtt(timed), thumbnail, cues: timed, voice: speech.voice, probe,
    model: `${provider.name}/${made.model}`,
  };
}

/** A scratch directory for one render, removed afterwards whatever happens. */
export async function withScratchDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'influgentic-video-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
