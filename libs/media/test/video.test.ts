// Video assembly with the real ffmpeg: frames (made here with ffmpeg's colour source), espeak-ng speech and captions
// into an MP4 that ffprobe checks; the bundled ffmpeg build as a fallback; a missing tool; an aborted render.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AI_GENERATED_COMMENT,
  assembleVideo,
  fitSpeech,
  isFastStart,
  locateMediaTool,
  MediaToolMissingError,
  parseSrt,
  parseVtt,
  probeMedia,
  toSrt,
  toVtt,
  VIDEO_SIZES,
  type AssembleVideoOptions,
  type FitSpeechResult,
} from '@influgentic/media';

jest.setTimeout(180_000);

const SIZE = VIDEO_SIZES['9:16'];
const SCRIPT = ['Meet the lightest running shoe we have ever made.', 'It grips on wet stone and dries in an hour.', 'Six bright colours, one price.'];

let dir: string;
let scratchDir: string;
let speech: FitSpeechResult;
let mixedFrames: AssembleVideoOptions['frames'];
let uniformFrames: AssembleVideoOptions['frames'];

/** A one-colour PNG from ffmpeg's lavfi colour source. */
function colourPng(colour: string, width: number, height: number): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:s=${width}x${height}`, '-frames:v', '1', '-c:v', 'png', '-f', 'image2pipe', 'pipe:1']);
}

/** The RGB colour at the centre of the frame shown at `seconds`. */
function colourAt(video: string, seconds: number): number[] {
  const { width, height } = SIZE;
  const crop = `crop=2:2:${width / 2 - 1}:${height / 2 - 1},scale=1:1`;
  const args = ['-v', 'error', '-ss', String(seconds), '-i', video, '-frames:v', '1', '-vf', crop, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  return [...execFileSync('ffmpeg', args)];
}

const isClose = (actual: number[], expected: number[]) => actual.length === 3 && actual.every((v, i) => Math.abs(v - expected[i]) <= 12);

/** ffmpeg processes whose command line mentions `needle` (Linux /proc). */
function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function optionsFor(outPath: string, frames = mixedFrames): AssembleVideoOptions {
  return {
    frames,
    audio: speech.wav,
    subtitles: { cues: speech.segments, language: 'en-US' },
    durationSeconds: 8,
    size: SIZE,
    outPath,
    scratchDir,
  };
}

async function expectPlayable8sVideo(outPath: string) {
  const probe = await probeMedia(outPath);
  expect(probe.videoCodec).toBe('h264');
  expect(probe.pixFmt).toBe('yuv420p');
  expect([probe.width, probe.height]).toEqual([720, 1280]);
  expect(Math.abs(probe.durationSeconds - 8)).toBeLessThanOrEqual(0.2);
  expect(probe.audioCodec).toBe('aac');
  expect(probe.subtitleCodec).toBe('mov_text');
  expect(probe.tags['subtitle:language']).toBe('eng');
  expect(probe.tags.comment).toBe(AI_GENERATED_COMMENT);
  expect(probe.formatName).toContain('mp4');
  expect(await isFastStart(outPath)).toBe(true);
  // Each frame shows for its time (orange, navy, white), and the subtitle track holds the cues.
  expect(isClose(colourAt(outPath, 1), [255, 165, 0])).toBe(true);
  expect(isClose(colourAt(outPath, 4), [0, 0, 128])).toBe(true);
  expect(isClose(colourAt(outPath, 7), [255, 255, 255])).toBe(true);
  const embedded = execFileSync('ffmpeg', ['-v', 'error', '-i', outPath, '-map', '0:s:0', '-f', 'srt', 'pipe:1']).toString();
  // The 2018 bundled build stores a default font with each sample, which the decoder hands back as markup.
  const withoutFontTags = parseSrt(embedded).map((cue) => ({ ...cue, text: cue.text.replace(/<\/?font[^>]*>/g, '') }));
  expect(withoutFontTags).toEqual(speech.segments);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-test-'));
  scratchDir = path.join(dir, 'scratch');
  fs.mkdirSync(scratchDir);
  // Frames of other shapes are scaled and padded to the video's size; frames of its size go in as they are.
  mixedFrames = [
    { png: colourPng('orange', 720, 1280), seconds: 2.5 },
    { png: colourPng('navy', 1080, 1080), seconds: 3 },
    { png: colourPng('white', 1080, 1920), seconds: 2.5 },
  ];
  uniformFrames = [
    { png: colourPng('red', 720, 1280), seconds: 0 }, // not shown
    { png: colourPng('orange', 720, 1280), seconds: 2.5 },
    { png: colourPng('navy', 720, 1280), seconds: 3 },
    { png: colourPng('white', 720, 1280), seconds: 2.5 },
  ];
  speech = await fitSpeech({ segments: SCRIPT, language: 'en', targetSeconds: 7.5 });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('assembleVideo', () => {
  it('renders an 8 s 9:16 video with speech and soft captions', async () => {
    const outPath = path.join(dir, 'nested', 'post.mp4');
    const fractions: number[] = [];
    const started = Date.now();
    const result = await assembleVideo({ ...optionsFor(outPath), onProgress: (f) => fractions.push(f) });
    const wallMs = Date.now() - started;
    console.log(`8 s 720x1280 render with speech and captions: ${wallMs} ms wall time (system ffmpeg)`);

    expect(result.path).toBe(outPath);
    expect(result.bytes).toBe(fs.statSync(outPath).size);
    expect(Math.abs(result.durationSeconds - 8)).toBeLessThanOrEqual(0.2);
    await expectPlayable8sVideo(outPath);
    // Progress only grows, and ends at 1 once the file is there.
    expect(fractions.length).toBeGreaterThan(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
    expect(fractions.at(-1)).toBe(1);
    // Only the finished file is left.
    expect(fs.readdirSync(path.dirname(outPath))).toEqual(['post.mp4']);
    expect(fs.readdirSync(scratchDir)).toEqual([]);
  });

  it('writes caption files from the same cues that parse back identically', () => {
    expect(parseSrt(toSrt(speech.segments))).toEqual(speech.segments);
    expect(parseVtt(toVtt(speech.segments))).toEqual(speech.segments);
    expect(speech.segments.map((c) => c.text)).toEqual(SCRIPT);
  });

  it('renders the same with the ffmpeg build shipped in node_modules', async () => {
    const bundled = locateMediaTool('ffmpeg', { env: { PATH: '' } });
    expect(bundled).toMatchObject({ source: 'bundled' });
    const outPath = path.join(dir, 'bundled.mp4');
    const started = Date.now();
    await withEnv({ FFMPEG_PATH: (bundled as { path: string }).path }, () => assembleVideo(optionsFor(outPath, uniformFrames)));
    console.log(`8 s 720x1280 render with speech and captions: ${Date.now() - started} ms wall time (bundled ffmpeg)`);
    await expectPlayable8sVideo(outPath);
  });

  it('reports a missing ffmpeg before doing any work', async () => {
    const outPath = path.join(dir, 'never.mp4');
    const progress = jest.fn();
    const err = await withEnv({ FFMPEG_PATH: path.join(dir, 'no-such-ffmpeg') }, () =>
      assembleVideo({ ...optionsFor(outPath), onProgress: progress }).catch((e) => e),
    );
    expect(err).toBeInstanceOf(MediaToolMissingError);
    expect(err.code).toBe('media_tool_missing');
    expect(err.message).toMatch(/FFMPEG_PATH points at .*no-such-ffmpeg/);
    expect(progress).not.toHaveBeenCalled();
    expect(fs.existsSync(outPath)).toBe(false);
    expect(fs.readdirSync(scratchDir)).toEqual([]);
  });

  it('kills ffmpeg when aborted and leaves no file', async () => {
    const outDir = path.join(dir, 'aborted');
    const outPath = path.join(outDir, 'long.mp4');
    const controller = new AbortController();
    let runningAtAbort: number[] = [];
    const rendering = assembleVideo({
      ...optionsFor(outPath),
      durationSeconds: 600,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction > 0 && !controller.signal.aborted) {
          runningAtAbort = processesMentioning(outDir);
          controller.abort();
        }
      },
    });
    await expect(rendering).rejects.toMatchObject({ name: 'AbortError' });
    expect(runningAtAbort.length).toBeGreaterThan(0); // ffmpeg was running when the signal came …
    expect(processesMentioning(outDir)).toEqual([]); // … and is gone now
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(fs.readdirSync(scratchDir)).toEqual([]);
  });
});
