import type { TimedSegment } from '../types';
import { timeCues } from '../captions/timing';
import { requireMediaTools } from '../tools/media-tools';
import { runProcess } from '../tools/run-process';
import { isVoiceName, voiceForLanguage } from './voices';
import { joinWavs, parseWav, wavDurationSeconds, wholeFrameSeconds, writeWav, type WavAudio } from './wav';

/** espeak-ng's usable speed range in words per minute: slower drawls, faster garbles. */
export const MIN_WORDS_PER_MINUTE = 80;
export const MAX_WORDS_PER_MINUTE = 260;
export const DEFAULT_WORDS_PER_MINUTE = 170;
export const DEFAULT_GAP_SECONDS = 0.3;
const SEGMENT_TIMEOUT_MS = 60_000;

export interface SpeechOptions {
  /** Spoken one after another, each becoming one timed segment (a caption cue). */
  segments: string[];
  /** BCP 47 language of the script; picks the voice unless `voice` is given. */
  language: string;
  /** An espeak-ng voice name, e.g. `en-gb` or `de+f3`. */
  voice?: string;
  wordsPerMinute?: number;
  /** Silence between segments. Default 0.3 s. */
  gapSeconds?: number;
  signal?: AbortSignal;
}

export interface SpeechResult {
  /** One PCM WAV of the whole script. */
  wav: Buffer;
  durationSeconds: number;
  /** Contiguous cues from 0 to `durationSeconds`, each starting when its segment is spoken. */
  segments: TimedSegment[];
  voice: string;
  wordsPerMinute: number;
}

export interface FitSpeechOptions extends Omit<SpeechOptions, 'wordsPerMinute'> {
  /** The length the speech should have, gaps included. */
  targetSeconds: number;
}

export interface FitSpeechResult extends SpeechResult {
  /** How many times the script was spoken to fit it (1 or 2). */
  attempts: number;
}

const clampRate = (wpm: number) => Math.min(MAX_WORDS_PER_MINUTE, Math.max(MIN_WORDS_PER_MINUTE, Math.round(wpm)));

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The espeak-ng speed (words per minute, 80–260) at which `words` take about `targetSeconds`. */
export function speechRateFor(words: number | string, targetSeconds: number): number {
  const count = typeof words === 'string' ? countWords(words) : words;
  if (!(targetSeconds > 0)) throw new RangeError('targetSeconds must be positive');
  return clampRate(count / (targetSeconds / 60));
}

function cleanSegments(segments: readonly string[]): string[] {
  const cleaned = segments.map((s) => s.split(/\s+/).filter(Boolean).join(' '));
  if (!cleaned.length) throw new RangeError('nothing to say: no segments');
  const blank = cleaned.findIndex((s) => !s);
  if (blank >= 0) throw new RangeError(`segment ${blank + 1} is blank`);
  return cleaned;
}

/**
 * Speaks each segment with espeak-ng, measures each clip from its WAV header, and joins them with a short silence
 * between, so the returned cues match the speech to the sample.
 */
export async function synthesizeSpeech(options: SpeechOptions): Promise<SpeechResult> {
  const segments = cleanSegments(options.segments);
  const voice = options.voice ?? voiceForLanguage(options.language);
  if (!isVoiceName(voice)) throw new RangeError(`invalid voice name "${voice}"`);
  const wordsPerMinute = clampRate(options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE);
  const gapSeconds = options.gapSeconds ?? DEFAULT_GAP_SECONDS;
  if (!(gapSeconds >= 0)) throw new RangeError('gapSeconds must not be negative');
  const { espeak } = await requireMediaTools(['espeak']);

  const clips: WavAudio[] = [];
  for (const text of segments) {
    // Text on stdin (UTF-8, -b 1) rather than argv: a script line starting with "-" must not read as an option.
    const { stdout } = await runProcess(espeak.path, ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '--stdin', '--stdout'], {
      input: text,
      signal: options.signal,
      timeoutMs: SEGMENT_TIMEOUT_MS,
    });
    clips.push(parseWav(stdout));
  }
  const joined = joinWavs(clips, gapSeconds);
  const durationSeconds = wavDurationSeconds(joined);
  const cues = timeCues(segments, clips.map(wavDurationSeconds), { gapSeconds: wholeFrameSeconds(joined, gapSeconds) });
  return { wav: writeWav(joined), durationSeconds, segments: cues, voice, wordsPerMinute };
}

/**
 * Speaks a script so that it lasts about `targetSeconds`: picks the rate from the word count, and when the result is
 * more than 10% off, speaks it once more at the rate corrected by the measured ratio. Returns the closer take.
 */
export async function fitSpeech(options: FitSpeechOptions): Promise<FitSpeechResult> {
  const { targetSeconds, ...speech } = options;
  if (!(targetSeconds > 0)) throw new RangeError('targetSeconds must be positive');
  const segments = cleanSegments(speech.segments);
  const gaps = (speech.gapSeconds ?? DEFAULT_GAP_SECONDS) * (segments.length - 1);
  // Time left for speaking once the gaps are taken out (never less than a third of the target).
  const speakingTarget = Math.max(targetSeconds - gaps, targetSeconds / 3);
  const rate = speechRateFor(countWords(segments.join(' ')), speakingTarget);
  const first = await synthesizeSpeech({ ...speech, segments, wordsPerMinute: rate });
  const offBy = (r: SpeechResult) => Math.abs(r.durationSeconds - targetSeconds) / targetSeconds;
  if (offBy(first) <= 0.1) return { ...first, attempts: 1 };

  const spoken = Math.max(first.durationSeconds - gaps, 0.001);
  const corrected = clampRate(rate * (spoken / speakingTarget));
  if (corrected === rate) return { ...first, attempts: 1 }; // already at the edge of the range
  const second = await synthesizeSpeech({ ...speech, segments, wordsPerMinute: corrected });
  return { ...(offBy(second) <= offBy(first) ? second : first), attempts: 2 };
}
