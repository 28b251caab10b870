import { attemptDecision, percent, retryDelayMs, toJob, type JobRow } from './job.types';

describe('job bookkeeping', () => {
  it('reports progress in whole percent, never past 100, and a job with nothing to do as complete', () => {
    expect([percent(0, 28), percent(1, 28), percent(14, 28), percent(27, 28), percent(28, 28), percent(30, 28), percent(0, 0)]).toEqual([0, 3, 50, 96, 100, 100, 100]);
  });

  it('gives up on a job claimed more often than allowed (it kept crashing), runs it otherwise', () => {
    expect([1, 2, 3, 4].map((n) => attemptDecision(n, 3))).toEqual(['run', 'run', 'run', 'give_up']);
  });

  it('backs off exponentially between failed attempts, with jitter, capped at a minute', () => {
    expect([retryDelayMs(1, () => 0), retryDelayMs(1, () => 1), retryDelayMs(3, () => 1), retryDelayMs(20, () => 1)]).toEqual([500, 1000, 4000, 60000]);
  });

  it('shows a row as the contract’s job', () => {
    const at = new Date('2026-03-23T10:00:00Z');
    const row: JobRow = {
      id: 'job_1', organization_id: 'org_1', livemode: false, type: 'content.generate_week', status: 'processing', agent_id: 'agent_1',
      input: {}, context: { request_id: 'req', key_id: null }, progress: 40, result: { items_done: 2 }, error: null, dedupe_key: null,
      attempts: 1, run_after: at, lease_owner: 'w', lease_until: at, created_at: at, updated_at: at, started_at: at, finished_at: null,
    };
    expect(toJob(row)).toEqual({
      id: 'job_1', type: 'content.generate_week', status: 'processing', progress: 40, result: { items_done: 2 }, error: null, agent_id: 'agent_1',
      attempts: 1, livemode: false, created_at: at.toISOString(), updated_at: at.toISOString(), started_at: at.toISOString(), finished_at: null,
    });
  });
});
