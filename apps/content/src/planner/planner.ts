/**
 * The week planner: which item goes out when. Pure (no I/O, the clock is a parameter), so every rule has a unit test.
 */
import {
  addDays, isFormatAllowed, isTimeZoneName, type ContentFormat, type ContentType, type Platform,
} from '@influgentic/contracts';

/**
 * Local posting times per platform, best first; `posts_per_day` takes the first n and posts them in time order. The
 * defaults follow the patterns the large public studies of engagement by hour report (Sprout Social's yearly "Best
 * times to post on social media", Hootsuite's "Best time to post on every platform"): Instagram late morning and
 * evening, LinkedIn weekday mornings around the start of work and lunch (quieter at weekends), X early morning and
 * lunch, TikTok evenings, YouTube afternoons before the evening viewing peak, Facebook mid-morning to early afternoon.
 * They are starting points for an account without its own history, not promises.
 */
export const POSTING_TIMES: Record<Platform, { weekday: readonly string[]; weekend: readonly string[] }> = {
  instagram: { weekday: ['11:00', '19:00', '13:00', '17:00', '21:00'], weekend: ['11:00', '19:00', '10:00', '14:00', '20:00'] },
  linkedin: { weekday: ['08:00', '10:00', '12:00', '09:00', '17:00'], weekend: ['10:00', '12:00', '09:00', '15:00', '18:00'] },
  x: { weekday: ['09:00', '12:00', '08:00', '15:00', '17:00'], weekend: ['10:00', '12:00', '09:00', '15:00', '18:00'] },
  tiktok: { weekday: ['19:00', '21:00', '17:00', '12:00', '15:00'], weekend: ['19:00', '21:00', '14:00', '11:00', '17:00'] },
  youtube: { weekday: ['15:00', '17:00', '12:00', '19:00', '10:00'], weekend: ['11:00', '15:00', '17:00', '10:00', '19:00'] },
  facebook: { weekday: ['10:00', '13:00', '09:00', '15:00', '19:00'], weekend: ['11:00', '13:00', '10:00', '15:00', '19:00'] },
  threads: { weekday: ['08:00', '12:00', '18:00', '10:00', '20:00'], weekend: ['10:00', '12:00', '18:00', '09:00', '20:00'] },
  blog: { weekday: ['08:00', '10:00', '14:00', '12:00', '16:00'], weekend: ['09:00', '11:00', '14:00', '16:00', '18:00'] },
  email: { weekday: ['10:00', '08:00', '13:00', '15:00', '17:00'], weekend: ['09:00', '11:00', '14:00', '16:00', '18:00'] },
};

/** The week's mix when the request names none (collab_content needs a partner, so it is only used when asked). */
export const DEFAULT_WEEK_TYPES: readonly ContentType[] = ['product_review', 'trivia', 'testimonial', 'product_launch', 'lead_magnet'];

/** The format each platform posts in: its platform format, or the document a blog or a newsletter carries. */
export function formatFor(platform: Platform, type: ContentType): ContentFormat {
  switch (platform) {
    case 'instagram': return 'instagram_caption';
    case 'tiktok': return 'tiktok_caption';
    case 'x': return 'x_post';
    case 'linkedin': return 'linkedin_post';
    case 'youtube': return 'youtube_description';
    case 'blog': {
      const doc: Partial<Record<ContentType, ContentFormat>> = { product_review: 'article', product_launch: 'press_release', testimonial: 'review', trivia: 'quiz', collab_content: 'joint_announcement' };
      return doc[type] ?? 'social_post';
    }
    case 'email': return isFormatAllowed(type, 'email') ? 'email' : 'social_post';
    default: return 'social_post';
  }
}

/**
 * The zone a week is planned in: the request's, else the agent's, else UTC. An agent's zone this runtime does not
 * know (a time zone database older than the registry's) counts as none rather than failing the plan.
 */
export function planTimezone(requested: string | null | undefined, agentZone: string | null | undefined): string {
  if (requested) return requested;
  if (agentZone && isTimeZoneName(agentZone)) return agentZone;
  return 'UTC';
}

export interface PlanInput {
  /** Monday, YYYY-MM-DD. */
  week: string;
  timezone: string;
  postsPerDay: number;
  platforms: readonly Platform[];
  contentTypes?: readonly ContentType[];
  topics?: readonly string[];
}

export interface PlannedSlot {
  /** Stable name of the slot (`week|platform|date|n`): a re-run or a resumed job finds what already fills it. */
  key: string;
  date: string;
  /** Local time of day, HH:MM. */
  time: string;
  at: Date;
  platform: Platform;
  content_type: ContentType;
  format: ContentFormat;
  topic: string | null;
}

/**
 * Spreads `7 × postsPerDay × platforms` slots over the week at each platform's local posting times in `timezone`.
 * Each platform rotates through the content types (platforms start at different points of the rotation, so one
 * moment of the week mixes types across platforms); the topics rotate by day and post, shared across platforms at
 * the same slot so a day reads as one theme. Ordered by time, then platform.
 */
export function planWeek(input: PlanInput): PlannedSlot[] {
  const types = input.contentTypes?.length ? input.contentTypes : DEFAULT_WEEK_TYPES;
  const topics = (input.topics ?? []).map((t) => t.trim()).filter(Boolean);
  const slots: PlannedSlot[] = [];
  input.platforms.forEach((platform, p) => {
    let k = 0;
    for (let day = 0; day < 7; day++) {
      const date = addDays(input.week, day);
      const table = POSTING_TIMES[platform];
      const times = [...(day < 5 ? table.weekday : table.weekend).slice(0, input.postsPerDay)].sort();
      times.forEach((time, n) => {
        const content_type = types[(k + p) % types.length];
        slots.push({
          key: `${input.week}|${platform}|${date}|${n}`, date, time, at: zonedTime(date, time, input.timezone), platform,
          content_type, format: formatFor(platform, content_type), topic: topics.length ? topics[(day + n) % topics.length] : null,
        });
        k++;
      });
    }
  });
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime() || a.platform.localeCompare(b.platform));
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones with Intl (no dependency)
// ---------------------------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `time` on `date`. A time that does not exist that day (skipped by a
 * DST change) comes out shifted by the change, as clocks do; a repeated one takes its first occurrence.
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  const second = wall - zoneOffsetMs(new Date(first), timeZone);
  return new Date(Math.min(first, second));
}

/** The calendar day `instant` falls on in `timeZone` (YYYY-MM-DD). */
export function localDate(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The wall-clock time of `instant` in `timeZone` (HH:MM). */
export function localTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${String(Number(parts.hour) % 24).padStart(2, '0')}:${parts.minute}`;
}
