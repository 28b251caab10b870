import {
  FORMAT_PLATFORM, MAX_HASHTAGS, PLATFORM_LIMITS, type ContentFormat, type Platform,
} from '@influgentic/contracts';
import type { ContentSection, GeneratedContent } from './types';
import { measure, truncateOnWord, type Counting } from './text';

/** Formats whose body is itself the post; their body obeys the same limit as the caption. */
export const POST_FORMATS = new Set<ContentFormat>([
  'instagram_caption', 'tiktok_caption', 'x_post', 'linkedin_post', 'youtube_description', 'social_post', 'post',
  'question', 'quote', 'joint_announcement',
]);

/** Long documents: the disclosure is written in words, no emoji, and the caption is a short teaser. */
export const DOCUMENT_FORMATS = new Set<ContentFormat>(['article', 'press_release', 'email', 'landing_copy', 'review', 'quiz', 'video_script']);

/** Threads are native to X; without a platform their posts keep to X's size. */
const DEFAULT_THREAD_POST = 280;

export interface EffectiveLimits {
  captionMax: number | null;
  maxHashtags: number;
  recommendedHashtags: number;
  titleMax: number | null;
  threadPostMax: number;
  counting: Counting;
}

const minOf = (...values: Array<number | null | undefined>): number | null => {
  const nums = values.filter((v): v is number => typeof v === 'number');
  return nums.length ? Math.min(...nums) : null;
};

/**
 * Limits for a piece: the requested platform's, tightened by the platform its format names (an `x_post` sent with
 * `platform: instagram` still has to fit X).
 */
export function limitsFor(platform: Platform | null | undefined, format: ContentFormat): EffectiveLimits {
  const names = [...new Set([platform, FORMAT_PLATFORM[format]].filter((p): p is Platform => !!p))];
  const limits = names.map((p) => PLATFORM_LIMITS[p]);
  return {
    captionMax: minOf(...limits.map((l) => l.caption_max_chars)),
    maxHashtags: minOf(MAX_HASHTAGS, ...limits.map((l) => l.max_hashtags)) ?? MAX_HASHTAGS,
    recommendedHashtags: minOf(...limits.map((l) => l.recommended_hashtags)) ?? 5,
    titleMax: minOf(...limits.map((l) => l.title_max_chars)),
    threadPostMax: minOf(...limits.map((l) => l.thread_post_max_chars)) ?? DEFAULT_THREAD_POST,
    counting: limits.some((l) => l.counting === 'x_weighted') ? 'x_weighted' : 'code_points',
  };
}

const TAG = /(?:^|\s)(#[\p{L}\p{M}\p{N}_]+)/gu;

export function countHashtags(text: string): number {
  return [...text.matchAll(TAG)].length;
}

/** `#a #b` on its own last paragraph. */
function splitTrailingTags(text: string): { text: string; tags: string[] } {
  const paragraphs = text.trimEnd().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  if (paragraphs.length > 1 && /^\s*(?:#[\p{L}\p{M}\p{N}_]+\s*)+$/u.test(last)) {
    return { text: paragraphs.slice(0, -1).join('\n\n').trimEnd(), tags: last.trim().split(/\s+/) };
  }
  return { text: text.trimEnd(), tags: [] };
}

/** Caption as posted: disclosure line, text, then the hashtag block. */
export function assembleCaption(text: string, hashtags: string[], disclosureLine?: string | null): string {
  const head = disclosureLine && !text.startsWith(disclosureLine) ? `${disclosureLine}\n` : '';
  const tags = hashtags.length ? `\n\n${hashtags.join(' ')}` : '';
  return `${head}${text.trim()}${tags}`.trim();
}

interface Fitted { text: string; tags: string[] }

/**
 * Fits `text` plus `tags` into `budget`: first drops hashtags down to a couple, then shortens the text on a word
 * boundary; if the text would be left as a stub, hashtags go first.
 */
function fitTextAndTags(text: string, tags: string[], budget: number, counting: Counting): Fitted {
  const size = (t: string, g: string[]) => measure(g.length ? `${t}\n\n${g.join(' ')}` : t, counting);
  let kept = [...tags];
  if (size(text, kept) <= budget) return { text, tags: kept };
  // Words beat hashtags: drop tags one by one, all of them if that saves the text from being cut.
  while (kept.length > 0 && size(text, kept) > budget) kept.pop();
  if (size(text, kept) <= budget) return { text, tags: kept };
  kept = tags.slice(0, Math.min(tags.length, 2));
  const room = budget - (kept.length ? measure(`\n\n${kept.join(' ')}`, counting) : 0);
  if (kept.length && room < budget * 0.6) kept = [];
  const finalRoom = budget - (kept.length ? measure(`\n\n${kept.join(' ')}`, counting) : 0);
  return { text: truncateOnWord(text, Math.max(0, finalRoom), counting), tags: kept };
}

function stripLine(text: string, line: string | null | undefined): { head: string | null; rest: string } {
  if (line && text.startsWith(line)) return { head: line, rest: text.slice(line.length).replace(/^\s*\n/, '') };
  return { head: null, rest: text };
}

export interface FitOptions {
  /** A disclosure line already at the top of caption/body; it is never cut and counts towards the limit. */
  disclosureLine?: string | null;
}

/**
 * Makes a piece fit its platform: caption (disclosure + text + hashtags) within the character limit as the platform
 * counts it, hashtags within the platform's cap (never more than 30, disclosure tags included), thread posts within
 * the per-post limit, titles within the title limit. Cuts happen on word boundaries. Pure: returns a new object.
 */
export function fitToPlatform(
  result: GeneratedContent, platform: Platform | null | undefined, format: ContentFormat, options: FitOptions = {},
): GeneratedContent {
  const limits = limitsFor(platform, format);
  const line = options.disclosureLine ?? null;

  // Caption: fixed disclosure, then text and hashtags sharing what is left.
  const cap = stripLine(result.caption, line);
  const split = splitTrailingTags(cap.rest);
  const tagPool = uniqueCaseless([...split.tags, ...result.hashtags]);
  const fixedTags = countHashtags(cap.head ?? '') + countHashtags(split.text);
  let tags = tagPool.slice(0, Math.max(0, limits.maxHashtags - fixedTags));
  let text = split.text;
  if (fixedTags > limits.maxHashtags) text = dropInlineTags(text, limits.maxHashtags - countHashtags(cap.head ?? ''));
  if (limits.captionMax !== null) {
    const headCost = cap.head ? measure(`${cap.head}\n`, limits.counting) : 0;
    ({ text, tags } = fitTextAndTags(text, tags, limits.captionMax - headCost, limits.counting));
  }
  let caption = assembleCaption(text, tags, cap.head);
  if (limits.captionMax !== null && measure(caption, limits.counting) > limits.captionMax) {
    // Only reachable when the disclosure alone is longer than the platform allows.
    caption = truncateOnWord(caption, limits.captionMax, limits.counting);
  }

  // Body: a post's body is the caption without its hashtags; documents keep their length.
  let body = result.body;
  let sections = result.sections;
  if (POST_FORMATS.has(format) && limits.captionMax !== null) {
    const b = stripLine(body, line);
    if (text !== split.text && b.rest.trim() === split.text.trim()) {
      // Usual case: the body is the caption's text, so it gets the same cut.
      body = assembleCaption(text, [], b.head);
    } else if (measure(body, limits.counting) > limits.captionMax) {
      const headCost = b.head ? measure(`${b.head}\n`, limits.counting) : 0;
      body = assembleCaption(truncateOnWord(b.rest, limits.captionMax - headCost, limits.counting), [], b.head);
    }
  }
  if (format === 'thread' && sections?.length) {
    ({ body, sections } = fitThread(body, sections, limits, line));
  }

  const title = result.title && limits.titleMax !== null ? truncateOnWord(result.title, limits.titleMax) : result.title;
  return { ...result, title, body, caption, hashtags: tags, ...(sections ? { sections } : {}) };
}

function fitThread(body: string, sections: ContentSection[], limits: EffectiveLimits, line: string | null): { body: string; sections: ContentSection[] } {
  const b = stripLine(body, line);
  let first = true;
  const fitted = sections.map((s) => {
    if (s.kind !== 'post') return s;
    // The disclosure goes out with the first post, so that post has less room.
    const room = limits.threadPostMax - (first && b.head ? measure(`${b.head}\n`, limits.counting) : 0);
    first = false;
    return measure(s.text, limits.counting) <= room ? s : { ...s, text: truncateOnWord(s.text, room, limits.counting) };
  });
  const posts = fitted.filter((s) => s.kind === 'post').map((s) => s.text);
  return { body: assembleCaption(posts.join('\n\n'), [], b.head), sections: fitted };
}

function dropInlineTags(text: string, allowed: number): string {
  let seen = 0;
  return text.replace(TAG, (m, tag: string) => (++seen > Math.max(0, allowed) ? m.replace(tag, tag.slice(1)) : m));
}

function uniqueCaseless(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const k = t.toLocaleLowerCase();
    if (!t.startsWith('#') || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Checks a finished piece against its limits; empty when it fits. Used by tests and as a last guard. */
export function platformViolations(result: GeneratedContent, platform: Platform | null | undefined, format: ContentFormat): string[] {
  const limits = limitsFor(platform, format);
  const problems: string[] = [];
  if (limits.captionMax !== null && measure(result.caption, limits.counting) > limits.captionMax) {
    problems.push(`caption is ${measure(result.caption, limits.counting)} > ${limits.captionMax}`);
  }
  if (POST_FORMATS.has(format) && limits.captionMax !== null && measure(result.body, limits.counting) > limits.captionMax) {
    problems.push(`body is ${measure(result.body, limits.counting)} > ${limits.captionMax}`);
  }
  if (countHashtags(result.caption) > limits.maxHashtags) problems.push(`caption has ${countHashtags(result.caption)} hashtags > ${limits.maxHashtags}`);
  if (result.hashtags.length > limits.maxHashtags) problems.push(`hashtags list has ${result.hashtags.length} > ${limits.maxHashtags}`);
  if (result.title && limits.titleMax !== null && [...result.title].length > limits.titleMax) problems.push(`title longer than ${limits.titleMax}`);
  if (format === 'thread') {
    for (const s of result.sections ?? []) {
      if (s.kind === 'post' && measure(s.text, limits.counting) > limits.threadPostMax) problems.push(`thread post longer than ${limits.threadPostMax}`);
    }
  }
  return problems;
}
