import { requireMediaTools } from '../tools/media-tools';
import { runProcess } from '../tools/run-process';

export interface ProbeResult {
  durationSeconds: number;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  pixFmt: string | null;
  audioCodec: string | null;
  subtitleCodec: string | null;
  /** ffprobe's container names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  /** Container tags (title, comment, …) and, prefixed with the stream kind, stream tags such as `subtitle:language`. */
  tags: Record<string, string>;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  duration?: string;
  tags?: Record<string, string>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

/** What ffprobe's JSON says about a file, reduced to what the platform checks. */
export function summarizeProbe(output: FfprobeOutput): ProbeResult {
  const streams = output.streams ?? [];
  const first = (type: string) => streams.find((s) => s.codec_type === type);
  const video = first('video');
  const audio = first('audio');
  const subtitle = first('subtitle');
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(output.format?.tags ?? {})) tags[key.toLowerCase()] = value;
  for (const [kind, stream] of [['video', video], ['audio', audio], ['subtitle', subtitle]] as const) {
    for (const [key, value] of Object.entries(stream?.tags ?? {})) tags[`${kind}:${key.toLowerCase()}`] = value;
  }
  const duration = Number(output.format?.duration ?? video?.duration ?? audio?.duration ?? NaN);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : 0,
    width: video?.width ?? null,
    height: video?.height ?? null,
    videoCodec: video?.codec_name ?? null,
    pixFmt: video?.pix_fmt ?? null,
    audioCodec: audio?.codec_name ?? null,
    subtitleCodec: subtitle?.codec_name ?? null,
    formatName: output.format?.format_name ?? '',
    tags,
  };
}

/** Probes a media file with ffprobe. */
export async function probeMedia(path: string, options: { signal?: AbortSignal } = {}): Promise<ProbeResult> {
  const { ffprobe } = await requireMediaTools(['ffprobe']);
  const { stdout } = await runProcess(ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', path], {
    signal: options.signal,
    timeoutMs: 60_000,
  });
  return summarizeProbe(JSON.parse(stdout.toString('utf8')) as FfprobeOutput);
}
