import { parse } from 'csv-parse/sync';
import {
  BULK_MAX_ROWS, LANGUAGES, MEDIA_ASPECT_RATIOS, PLATFORMS, VIDEO_DURATION, VIDEO_KINDS, type FieldError, type MediaAspectRatio, type Platform,
  type VideoKind,
} from '@influgentic/contracts';
import { voiceForLanguage } from '@influgentic/media';

/** One valid row of a bulk CSV, with the line it came from (1-based, the header is line 1). */
export interface BulkRow {
  line: number;
  script: string;
  platform: Platform;
  voice: string | null;
  language: string | null;
  scene_description: string;
  duration_seconds: number | null;
  aspect_ratio: MediaAspectRatio | null;
  type: VideoKind | null;
}

export interface BulkDefaults {
  platform?: Platform;
}

/** Column names a bulk CSV may use, with the names AINative's bulk reels take as aliases (`voice_id`). */
const COLUMNS: Record<string, keyof Omit<BulkRow, 'line'>> = {
  script: 'script', platform: 'platform', voice: 'voice', voice_id: 'voice', language: 'language', scene_description: 'scene_description',
  scene: 'scene_description', duration_seconds: 'duration_seconds', duration: 'duration_seconds', aspect_ratio: 'aspect_ratio', type: 'type',
};

const MAX_SCRIPT = 5000;
const VOICE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*(\+[a-z0-9]{1,12})?$/;

export type BulkParse = { rows: BulkRow[]; errors: [] } | { rows: []; errors: FieldError[] };

const problem = (code: string, message: string): FieldError => ({ field: 'csv', code, message });

/**
 * Reads and checks a whole bulk CSV before anything starts: a header naming `script` (and `platform` unless a default
 * is given), then 1–100 rows. Every bad row is named with its line number; with any error, no row is returned.
 * A voice given as a cloud voice id (`en-US-Neural2-A`, as other tools export) is read as its language.
 */
export function parseBulkCsv(text: string, defaults: BulkDefaults = {}): BulkParse {
  if (!text.trim()) return { rows: [], errors: [problem('empty', 'the CSV is empty')] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: false, skip_empty_lines: true, trim: true, bom: true }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { rows: [], errors: [problem('not_csv', `${line ? `line ${line}: ` : ''}${(err as Error).message.replace(/^Invalid Record Length: /, '')}`)] };
  }
  if (!records.length) return { rows: [], errors: [problem('empty', 'the CSV is empty')] };
  const header = records[0].record.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const errors: FieldError[] = [];
  const unknown = header.filter((h) => !Object.hasOwn(COLUMNS, h));
  if (unknown.length) errors.push(problem('unknown_column', `line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${Object.keys(COLUMNS).join(', ')}`));
  const fields = header.map((h) => (Object.hasOwn(COLUMNS, h) ? COLUMNS[h] : undefined));
  const dup = fields.filter((f, i) => f && fields.indexOf(f) !== i);
  if (dup.length) errors.push(problem('duplicate_column', `line 1: column ${dup[0]} is given twice`));
  if (!fields.includes('script')) errors.push(problem('missing_column', 'line 1: the header must name a script column'));
  if (!fields.includes('platform') && !defaults.platform) errors.push(problem('missing_column', 'line 1: the header must name a platform column (or the request a default platform)'));
  const body = records.slice(1);
  if (!body.length) errors.push(problem('empty', 'the CSV has a header but no rows'));
  if (body.length > BULK_MAX_ROWS) errors.push(problem('too_many_rows', `the CSV has ${body.length} rows; at most ${BULK_MAX_ROWS} are taken per batch`));
  if (errors.length) return { rows: [], errors };

  const rows: BulkRow[] = [];
  for (const { record, info } of body) {
    // csv-parse counts the line a record ends on; a quoted multi-line script still names its last line.
    const line = info.lines;
    const cell = (f: keyof Omit<BulkRow, 'line'>) => {
      const i = fields.indexOf(f);
      return i < 0 ? '' : record[i] ?? '';
    };
    const bad = (column: string, message: string) => errors.push({ field: 'csv', code: 'invalid_row', message: `line ${line}, ${column}: ${message}` });
    const script = cell('script');
    if (!script) bad('script', 'is empty');
    else if (script.length > MAX_SCRIPT) bad('script', `is ${script.length} characters; at most ${MAX_SCRIPT}`);
    const platform = (cell('platform').toLowerCase() || defaults.platform) as Platform | undefined;
    if (!platform) bad('platform', 'is empty and the request gives no default');
    else if (!(PLATFORMS as readonly string[]).includes(platform)) bad('platform', `must be one of ${PLATFORMS.join(', ')}`);
    const voiceCell = cell('voice');
    const voice = voiceCell ? espeakVoice(voiceCell) : null;
    if (voiceCell && !voice) bad('voice', 'must be a voice name such as en-us or de (or a voice id such as en-US-Neural2-A)');
    const language = cell('language').toLowerCase() || null;
    if (language && !(LANGUAGES as readonly string[]).includes(language)) bad('language', `must be one of ${LANGUAGES.join(', ')}`);
    const durationCell = cell('duration_seconds');
    const duration = durationCell ? Number(durationCell) : null;
    if (duration !== null && !(Number.isInteger(duration) && duration >= VIDEO_DURATION.min && duration <= VIDEO_DURATION.max)) {
      bad('duration_seconds', `must be a whole number of seconds from ${VIDEO_DURATION.min} to ${VIDEO_DURATION.max}`);
    }
    const ratio = cell('aspect_ratio') || null;
    if (ratio && !(MEDIA_ASPECT_RATIOS as readonly string[]).includes(ratio)) bad('aspect_ratio', `must be one of ${MEDIA_ASPECT_RATIOS.join(', ')}`);
    const type = cell('type').toLowerCase() || null;
    if (type && !(VIDEO_KINDS as readonly string[]).includes(type)) bad('type', `must be one of ${VIDEO_KINDS.join(', ')}`);
    const scene = cell('scene_description');
    if (scene.length > 2000) bad('scene_description', 'is longer than 2000 characters');
    rows.push({
      line, script, platform: platform as Platform, voice, language, scene_description: scene || firstWords(script), duration_seconds: duration,
      aspect_ratio: ratio as MediaAspectRatio | null, type: type as VideoKind | null,
    });
  }
  return errors.length ? { rows: [], errors: errors.slice(0, 50) } : { rows, errors: [] };
}

/**
 * An espeak-ng voice from a voice cell: its own names as they are (`en-us`, `de`, `en-gb+f3`); a language tag or a
 * cloud voice id as other tools export them (`en-US`, `en-US-Neural2-A`) by the voice of its language and region.
 */
export function espeakVoice(cell: string): string | null {
  const v = cell.trim();
  if (VOICE.test(v)) return v;
  const tag = /^([a-z]{2,3})-([A-Za-z]{2})(-[A-Za-z0-9-]+)?$/.exec(v);
  return tag ? voiceForLanguage(`${tag[1]}-${tag[2]}`) : null;
}

function firstWords(text: string, n = 12): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}
