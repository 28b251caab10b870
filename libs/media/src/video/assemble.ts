import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TimedSegment } from '../types';
import { toSrt } from '../captions/srt';
import { requireMediaTools } from '../tools/media-tools';
import { runProcess } from '../tools/run-process';
import { iso639_2 } from './languages';
import { probeMedia } from './probe';
import { readPngHeader, sameShape } from './png-header';
import { ProgressReader } from './progress';

export const VIDEO_FPS = 30;
/** Written into every video's `comment` tag: platforms and viewers should be able to tell the video is synthetic. */
export const AI_GENERATED_COMMENT = 'AI-generated video: made by Influgentic with synthetic images, speech and captions';

export interface VideoFrame {
  png: Buffer;
  /** How long the frame is shown. */
  seconds: number;
}

export interface AssembleVideoOptions {
  /** Shown in order (a frame of 0 seconds is skipped); the last one is held when they end before `durationSeconds`. */
  frames: VideoFrame[];
  /** A PCM WAV, padded with silence or cut to the video's length. */
  audio?: Buffer;
  /** A soft (switchable) subtitle track; cues past the end are cut off. */
  subtitles?: { cues: TimedSegment[]; language: string };
  durationSeconds: number;
  /** Frames are scaled to fit and padded (letterboxed) to this size. Both even, as yuv420p needs. */
  size: { width: number; height: number };
  outPath: string;
  signal?: AbortSignal;
  /** From 0 to 1 as ffmpeg encodes; 1 once the file is in place. */
  onProgress?: (fraction: number) => void;
  /** Default: two minutes plus 30 s per second of video. */
  timeoutMs?: number;
  /** Where the scratch folder (frames, speech, subtitles) is made and removed; default the system temp folder. */
  scratchDir?: string;
}

export interface AssembledVideo {
  path: string;
  /** The duration of the written file, as ffprobe reads it. */
  durationSeconds: number;
  bytes: number;
}

function validate(options: AssembleVideoOptions): void {
  const { frames, durationSeconds, size } = options;
  if (!frames.some((frame) => frame.seconds > 0)) throw new RangeError('a video needs at least one frame shown for some time');
  frames.forEach((frame, i) => {
    if (!(frame.seconds >= 0)) throw new RangeError(`frame ${i + 1} must be shown for zero or more seconds`);
    if (!readPngHeader(frame.png)) throw new RangeError(`frame ${i + 1} is not a PNG`);
  });
  if (!(durationSeconds > 0) || !Number.isFinite(durationSeconds)) throw new RangeError('durationSeconds must be a positive number');
  for (const side of [size.width, size.height]) {
    if (!Number.isInteger(side) || side < 2 || side % 2 !== 0) throw new RangeError(`video size ${size.width}x${size.height}: sides must be even integers`);
  }
}

/** Concat-demuxer script showing each frame for its time; the last is held to the end (then `-t` cuts exactly). */
function concatScript(frames: readonly VideoFrame[], files: readonly string[], durationSeconds: number): string {
  const shown = frames.reduce((sum, f) => sum + f.seconds, 0);
  const lines = ['ffconcat version 1.0'];
  frames.forEach((frame, i) => {
    const isLast = i === frames.length - 1;
    const seconds = isLast ? frame.seconds + Math.max(0, durationSeconds - shown) + 1 / VIDEO_FPS : frame.seconds;
    lines.push(`file '${files[i]}'`, `duration ${seconds.toFixed(6)}`);
  });
  // The demuxer ignores the last entry's duration unless the file is listed once more.
  lines.push(`file '${files[files.length - 1]}'`);
  return lines.join('\n') + '\n';
}

/** Scales and pads a picture to the video's size; the same chain normalises frames and the stream. */
const fitTo = ({ width: w, height: h }: { width: number; height: number }) =>
  `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`;

/**
 * Writes the frames for the concat demuxer. ffmpeg rebuilds its filter graph whenever the picture size or pixel
 * format changes between files, and the rebuilt graph loses the frames in flight; so unless every frame already has
 * the video's size and one PNG layout, all are first rendered to the video's size as RGB, in one ffmpeg run.
 */
async function writeFrames(
  ffmpegPath: string,
  frames: readonly VideoFrame[],
  size: { width: number; height: number },
  work: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const files = frames.map((_, i) => `frame-${String(i).padStart(4, '0')}.png`);
  const headers = frames.map((f) => readPngHeader(f.png)!);
  const uniform = headers.every((h) => sameShape(h, headers[0]) && h.width === size.width && h.height === size.height);
  if (uniform) {
    await Promise.all(frames.map((frame, i) => writeFile(path.join(work, files[i]), frame.png)));
    return files;
  }
  const sources = files.map((file) => path.join(work, `source-${file}`));
  await Promise.all(frames.map((frame, i) => writeFile(sources[i], frame.png)));
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-y'];
  for (const source of sources) args.push('-i', source);
  args.push('-filter_complex', files.map((_, i) => `[${i}:v]${fitTo(size)},format=rgb24[f${i}]`).join(';'));
  files.forEach((file, i) => args.push('-map', `[f${i}]`, '-frames:v', '1', '-c:v', 'png', path.join(work, file)));
  await runProcess(ffmpegPath, args, { signal, timeoutMs: 60_000 + frames.length * 5_000 });
  return files;
}

/** Cues inside the video, cut at its end. */
function cuesWithin(cues: readonly TimedSegment[], durationSeconds: number): TimedSegment[] {
  return cues.filter((c) => c.start < durationSeconds && c.text.trim()).map((c) => ({ ...c, end: Math.min(c.end, durationSeconds) }));
}

/**
 * Renders frames, speech and captions into an MP4 (H.264 + AAC + mov_text) of exactly `durationSeconds`, with the
 * index at the front for streaming and a comment tag saying it is AI-generated. The file appears at `outPath` only
 * when complete; a failure or abort kills ffmpeg and leaves nothing behind.
 */
export async function assembleVideo(options: AssembleVideoOptions): Promise<AssembledVideo> {
  validate(options);
  const { ffmpeg } = await requireMediaTools(['ffmpeg', 'ffprobe']);
  const { audio, subtitles, durationSeconds, size, outPath, signal, onProgress } = options;
  const frames = options.frames.filter((frame) => frame.seconds > 0);
  signal?.throwIfAborted();

  // Absolute, so that no path can read as an ffmpeg option; the file is written beside its final name, then renamed.
  const finalPath = path.resolve(outPath);
  await mkdir(path.dirname(finalPath), { recursive: true });
  const partPath = `${finalPath}.${randomBytes(4).toString('hex')}.part`;
  const work = await mkdtemp(path.join(options.scratchDir ?? os.tmpdir(), 'influgentic-ffmpeg-'));
  try {
    const files = await writeFrames(ffmpeg.path, frames, size, work, signal);
    await writeFile(path.join(work, 'frames.ffconcat'), concatScript(frames, files, durationSeconds));

    const inputs = ['-f', 'concat', '-i', path.join(work, 'frames.ffconcat')];
    // Converted to yuv420p before the frame rate repeats each still: once per still, not once per output frame.
    const filters = [`[0:v]${fitTo(size)},format=yuv420p,fps=${VIDEO_FPS}[v]`];
    const maps = ['-map', '[v]'];
    const codecs = ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-r', String(VIDEO_FPS)];
    let nextInput = 1;

    if (audio) {
      await writeFile(path.join(work, 'speech.wav'), audio);
      inputs.push('-i', path.join(work, 'speech.wav'));
      filters.push(`[${nextInput}:a]apad[a]`); // silence after the speech; -t below cuts at the video's end
      maps.push('-map', '[a]');
      codecs.push('-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2');
      nextInput++;
    }

    const cues = subtitles ? cuesWithin(subtitles.cues, durationSeconds) : [];
    if (subtitles && cues.length) {
      await writeFile(path.join(work, 'captions.srt'), toSrt(cues));
      inputs.push('-f', 'srt', '-i', path.join(work, 'captions.srt'));
      maps.push('-map', `${nextInput}:s`);
      codecs.push('-c:s', 'mov_text', '-metadata:s:s:0', `language=${iso639_2(subtitles.language)}`);
      nextInput++;
    }

    const args = [
      '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-y',
      ...inputs,
      '-filter_complex', filters.join(';'),
      ...maps,
      ...codecs,
      '-t', durationSeconds.toFixed(3),
      '-movflags', '+faststart',
      '-metadata', `comment=${AI_GENERATED_COMMENT}`,
      '-progress', 'pipe:1',
      '-f', 'mp4', partPath,
    ];
    const progress = new ProgressReader(durationSeconds, onProgress);
    await runProcess(ffmpeg.path, args, {
      signal,
      timeoutMs: options.timeoutMs ?? 120_000 + durationSeconds * 30_000,
      collectStdout: false,
      onStdout: (chunk) => progress.push(chunk),
    });

    const probed = await probeMedia(partPath, { signal });
    signal?.throwIfAborted();
    await rename(partPath, finalPath);
    const { size: bytes } = await stat(finalPath);
    progress.finish();
    return { path: outPath, durationSeconds: probed.durationSeconds, bytes };
  } finally {
    await rm(partPath, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}
