import { isFormatAllowed, planWeekProblem, PLATFORMS, type Platform } from '@influgentic/contracts';
import { calendarRange, groupByDay } from './calendar';
import { DEFAULT_WEEK_TYPES, formatFor, localDate, localTime, planTimezone, planWeek, POSTING_TIMES, zonedTime } from './planner';

describe('planWeek', () => {
  it('makes 7 × posts_per_day × platforms slots, every one inside the week, each slot key once', () => {
    for (const postsPerDay of [1, 3, 5]) {
      const platforms: Platform[] = ['instagram', 'linkedin', 'x', 'tiktok'];
      const slots = planWeek({ week: '2026-03-23', timezone: 'Europe/Berlin', postsPerDay, platforms });
      expect(slots).toHaveLength(7 * postsPerDay * platforms.length);
      expect(new Set(slots.map((s) => s.key)).size).toBe(slots.length);
      const start = zonedTime('2026-03-23', '00:00', 'Europe/Berlin').getTime();
      const end = zonedTime('2026-03-30', '00:00', 'Europe/Berlin').getTime();
      for (const s of slots) {
        expect(s.at.getTime()).toBeGreaterThanOrEqual(start);
        expect(s.at.getTime()).toBeLessThan(end);
      }
      // Ordered by time.
      expect(slots.map((s) => s.at.getTime())).toEqual([...slots].map((s) => s.at.getTime()).sort((a, b) => a - b));
    }
  });

  it('posts at the local times of each platform in a non-UTC zone', () => {
    const slots = planWeek({ week: '2026-06-01', timezone: 'America/New_York', postsPerDay: 2, platforms: ['instagram', 'linkedin', 'tiktok', 'x'] });
    const at = (platform: Platform, date: string) => slots.filter((s) => s.platform === platform && s.date === date).map((s) => localTime(s.at, 'America/New_York'));
    expect(at('instagram', '2026-06-02')).toEqual(['11:00', '19:00']); // late morning and evening
    expect(at('linkedin', '2026-06-02')).toEqual(['08:00', '10:00']); // weekday mornings
    expect(at('x', '2026-06-02')).toEqual(['09:00', '12:00']); // morning and lunch
    expect(at('tiktok', '2026-06-02')).toEqual(['19:00', '21:00']); // evening
    // New York is UTC−4 in June: 11:00 there is 15:00 UTC.
    expect(slots.find((s) => s.platform === 'instagram' && s.date === '2026-06-02')!.at.toISOString()).toBe('2026-06-02T15:00:00.000Z');
    // Weekends follow their own table.
    expect(at('linkedin', '2026-06-06')).toEqual(['10:00', '12:00']);
  });

  it('keeps local times across a DST change inside the week (Berlin, 29 March 2026)', () => {
    const slots = planWeek({ week: '2026-03-23', timezone: 'Europe/Berlin', postsPerDay: 1, platforms: ['instagram'] });
    expect(slots.map((s) => localTime(s.at, 'Europe/Berlin'))).toEqual(Array(7).fill('11:00'));
    expect(slots.map((s) => localDate(s.at, 'Europe/Berlin'))).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    // CET (UTC+1) on Saturday, CEST (UTC+2) on Sunday.
    expect(slots[5].at.toISOString()).toBe('2026-03-28T10:00:00.000Z');
    expect(slots[6].at.toISOString()).toBe('2026-03-29T09:00:00.000Z');
  });

  it('mixes content types on every platform and across platforms at the same moment, with formats valid for each', () => {
    const platforms: Platform[] = [...PLATFORMS];
    const slots = planWeek({ week: '2026-03-23', timezone: 'UTC', postsPerDay: 2, platforms });
    for (const p of platforms) {
      const types = new Set(slots.filter((s) => s.platform === p).map((s) => s.content_type));
      expect(types.size).toBe(DEFAULT_WEEK_TYPES.length);
    }
    for (const s of slots) expect([s.platform, s.content_type, s.format, isFormatAllowed(s.content_type, s.format)]).toEqual([s.platform, s.content_type, s.format, true]);
    // Two platforms posting on the same day do not start the rotation at the same type.
    const firstOf = (p: Platform) => slots.find((s) => s.platform === p)!.content_type;
    expect(firstOf('instagram')).not.toBe(firstOf('tiktok'));
    expect(formatFor('x', 'trivia')).toBe('x_post');
    expect(formatFor('blog', 'product_review')).toBe('article');
    expect(formatFor('email', 'lead_magnet')).toBe('email');
    expect(formatFor('email', 'trivia')).toBe('social_post');
  });

  it('uses only the requested types, and rotates the topics by day, shared across platforms at one slot', () => {
    const slots = planWeek({
      week: '2026-03-23', timezone: 'UTC', postsPerDay: 1, platforms: ['instagram', 'x'], contentTypes: ['trivia', 'testimonial'],
      topics: ['spring reset', 'morning routine'],
    });
    expect(new Set(slots.map((s) => s.content_type))).toEqual(new Set(['trivia', 'testimonial']));
    const topicOn = (date: string, p: Platform) => slots.find((s) => s.date === date && s.platform === p)!.topic;
    expect(topicOn('2026-03-23', 'instagram')).toBe('spring reset');
    expect(topicOn('2026-03-24', 'instagram')).toBe('morning routine');
    expect(topicOn('2026-03-25', 'x')).toBe('spring reset');
    expect(topicOn('2026-03-24', 'x')).toBe(topicOn('2026-03-24', 'instagram'));
    expect(planWeek({ week: '2026-03-23', timezone: 'UTC', postsPerDay: 1, platforms: ['x'] }).every((s) => s.topic === null)).toBe(true);
  });

  it('has five times for every platform, weekday and weekend, each a valid HH:MM and none twice', () => {
    for (const [platform, table] of Object.entries(POSTING_TIMES)) {
      for (const times of [table.weekday, table.weekend]) {
        expect([platform, times.length, new Set(times).size]).toEqual([platform, 5, 5]);
        for (const t of times) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }
    }
  });
});

describe('the week a plan may have', () => {
  const monday = new Date('2026-03-25T12:00:00Z'); // a Wednesday; its week began on Monday 23 March

  it('is a Monday of this week or later, within a year', () => {
    expect(planWeekProblem('2026-03-23', 'UTC', monday)).toBeNull();
    expect(planWeekProblem('2026-03-30', 'UTC', monday)).toBeNull();
    expect(planWeekProblem('2026-03-24', 'UTC', monday)).toMatch(/Monday/);
    expect(planWeekProblem('2026-03-16', 'UTC', monday)).toMatch(/past week/);
    expect(planWeekProblem('2028-03-20', 'UTC', monday)).toMatch(/within a year/);
    expect(planWeekProblem('2026-02-30', 'UTC', monday)).toMatch(/YYYY-MM-DD/);
    expect(planWeekProblem(20260323, 'UTC', monday)).toMatch(/YYYY-MM-DD/);
  });

  it('is judged in the plan’s zone: late Sunday in UTC is already next Monday in Tokyo', () => {
    const sundayNight = new Date('2026-03-29T20:00:00Z');
    expect(planWeekProblem('2026-03-23', 'UTC', sundayNight)).toBeNull();
    expect(planWeekProblem('2026-03-23', 'Asia/Tokyo', sundayNight)).toMatch(/past week/);
  });
});

describe('the zone a week is planned in', () => {
  it("is the request's, else the agent's, else UTC", () => {
    expect(planTimezone('Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(planTimezone(undefined, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(planTimezone(null, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(planTimezone(undefined, null)).toBe('UTC');
    expect(planTimezone(undefined, undefined)).toBe('UTC'); // a registry that does not send zones yet
  });

  it("ignores an agent's zone this runtime does not know instead of failing the plan", () => {
    expect(planTimezone(undefined, 'Mars/Olympus')).toBe('UTC');
    expect(planTimezone(undefined, '')).toBe('UTC');
  });

  it("puts an agent's week at Tokyo's local posting times when the request names no zone", () => {
    const slots = planWeek({ week: '2026-06-01', timezone: planTimezone(undefined, 'Asia/Tokyo'), postsPerDay: 1, platforms: ['instagram'] });
    expect(slots.map((s) => localTime(s.at, 'Asia/Tokyo'))).toEqual(Array(7).fill('11:00'));
    // Tokyo is UTC+9 all year: Monday 11:00 there is 02:00 UTC.
    expect(slots[0].at.toISOString()).toBe('2026-06-01T02:00:00.000Z');
  });
});

describe('the calendar', () => {
  it('covers from..to at local midnights, defaults to a week from today, and refuses more than 62 days or to < from', () => {
    const r = calendarRange({ from: '2026-03-23', to: '2026-03-29', timezone: 'Europe/Berlin' });
    expect([r.start.toISOString(), r.end.toISOString()]).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(calendarRange({ timezone: 'UTC' }, new Date('2026-05-10T08:00:00Z'))).toMatchObject({ from: '2026-05-10', to: '2026-05-16' });
    expect(() => calendarRange({ from: '2026-01-01', to: '2026-03-04' })).toThrow(expect.objectContaining({ code: 'validation_error', errors: [expect.objectContaining({ field: 'to', code: 'range_too_long' })] }));
    expect(calendarRange({ from: '2026-01-01', to: '2026-03-03' }).to).toBe('2026-03-03');
    expect(() => calendarRange({ from: '2026-01-02', to: '2026-01-01' })).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'to' })] }));
  });

  it('lists every day, puts items on their local day in time order, and counts per status', () => {
    const range = calendarRange({ from: '2026-03-23', to: '2026-03-25', timezone: 'America/New_York' });
    const entry = (id: string, at: string) => ({
      id, agent_id: 'agent_a', campaign_id: null, platform: 'x' as const, content_type: 'trivia' as const, format: 'x_post' as const,
      language: 'en', status: 'pending_review' as const, title: null, caption: '…', at, scheduled_at: at, published_at: null,
    });
    // 02:00 UTC on the 24th is still the 23rd in New York.
    const days = groupByDay(range, [entry('b', '2026-03-23T20:00:00.000Z'), entry('a', '2026-03-24T02:00:00.000Z'), entry('c', '2026-03-24T15:00:00.000Z')],
      [{ date: '2026-03-23', status: 'pending_review', n: 2 }, { date: '2026-03-24', status: 'pending_review', n: 1 }, { date: '2026-03-24', status: 'published', n: 3 }]);
    expect(days.map((d) => [d.date, d.count, d.items.map((i) => i.id)])).toEqual([
      ['2026-03-23', 2, ['b', 'a']], ['2026-03-24', 4, ['c']], ['2026-03-25', 0, []],
    ]);
    expect(days[1].counts).toEqual({ pending_review: 1, published: 3 });
  });
});
