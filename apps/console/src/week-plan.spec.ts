import { jobSettled, nextMonday, plannedItemCount, toGenerateWeekParams, weekPlanProgress } from './week-plan';

describe('week planner', () => {
  it('proposes the Monday after the current week', () => {
    expect(nextMonday(new Date('2025-01-01T12:00:00Z'))).toBe('2025-01-06');
    expect(nextMonday(new Date('2025-01-06T00:00:00Z'))).toBe('2025-01-13');
  });

  it('counts 7 × posts per day × platforms', () => {
    expect(plannedItemCount(2, 3)).toBe(42);
    expect(plannedItemCount(Number('x'), 3)).toBe(0);
  });

  it('builds the request, leaving blanks to the API defaults', () => {
    expect(toGenerateWeekParams({ agentId: ' agent_1 ', week: '2025-01-06', postsPerDay: '2', platforms: ['instagram'], trendingTopics: 'EVs, range\n', guidance: ' ', language: '' }))
      .toEqual({ agent_id: 'agent_1', week: '2025-01-06', posts_per_day: 2, platforms: ['instagram'], trending_topics: ['EVs', 'range'] });
    expect(toGenerateWeekParams({ agentId: 'a', week: 'w', postsPerDay: '1', platforms: [], trendingTopics: '', guidance: 'No slang', language: 'de' }))
      .toMatchObject({ guidance: 'No slang', target_language: 'de' });
  });

  it('reads the job result defensively', () => {
    expect(weekPlanProgress({ result: { items_total: 7, items_done: 3, items_failed: 1, content_ids: ['cnt_1', 4], timezone: 'Asia/Tokyo', week: '2025-01-06' } }))
      .toEqual({ total: 7, done: 3, failed: 1, skipped: 0, contentIds: ['cnt_1'], timezone: 'Asia/Tokyo', week: '2025-01-06' });
    expect(weekPlanProgress({ result: null })).toEqual({ total: 0, done: 0, failed: 0, skipped: 0, contentIds: [] });
  });

  it('knows when a job has finished', () => {
    expect(jobSettled('processing')).toBe(false);
    expect(jobSettled('queued')).toBe(false);
    expect(['done', 'error', 'cancelled', 'stopped'].every(jobSettled)).toBe(true);
  });
});
