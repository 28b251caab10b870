import { CAMPAIGN_STATUSES, DomainError, type CampaignStatus } from '@influgentic/contracts';
import { applyTransition, CAMPAIGN_ACTIONS, canTransition, isFinal, transition, transitionTable, type CampaignAction } from './campaign-state';

/** The contract's machine written out by hand, independent of the implementation's table. */
const LEGAL: Array<[CampaignStatus, CampaignAction, CampaignStatus, string]> = [
  ['scheduled', 'start', 'active', 'campaign.started'],
  ['scheduled', 'cancel', 'cancelled', 'campaign.cancelled'],
  ['active', 'pause', 'paused', 'campaign.paused'],
  ['active', 'complete', 'completed', 'campaign.completed'],
  ['active', 'cancel', 'cancelled', 'campaign.cancelled'],
  ['paused', 'resume', 'active', 'campaign.resumed'],
  ['paused', 'complete', 'completed', 'campaign.completed'],
  ['paused', 'cancel', 'cancelled', 'campaign.cancelled'],
];
const isLegal = (from: CampaignStatus, action: CampaignAction) => LEGAL.some(([f, a]) => f === from && a === action);
const ILLEGAL = CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_ACTIONS.filter((a) => !isLegal(from, a)).map((a) => [from, a] as const));

const row = (status: CampaignStatus) => ({
  id: 'camp_x', status, started_at: null as Date | null, paused_at: null as Date | null, completed_at: null as Date | null,
  cancelled_at: null as Date | null, updated_at: new Date(0),
});

describe('campaign state machine', () => {
  it('covers every status × action pair exactly once', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(CAMPAIGN_STATUSES.length * CAMPAIGN_ACTIONS.length);
    expect(transitionTable()).toHaveLength(CAMPAIGN_STATUSES.length * CAMPAIGN_ACTIONS.length);
  });

  it.each(LEGAL)('%s --%s--> %s emits %s', (from, action, to, event) => {
    expect(canTransition(from, action)).toBe(true);
    expect(transition(from, action)).toEqual({ from, to, event, action });
  });

  it.each(ILLEGAL)('refuses %s --%s with 409 invalid_state naming the current state', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    let caught: unknown;
    try {
      transition(from, action, 'camp_abc');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const err = caught as DomainError;
    expect(err.code).toBe('invalid_state');
    expect(err.message).toContain(`camp_abc is ${from}`);
    expect(err.detail).toContain(`current status: ${from}`);
  });

  it('treats completed and cancelled as final: nothing leaves them', () => {
    for (const status of CAMPAIGN_STATUSES) {
      const leaves = CAMPAIGN_ACTIONS.some((a) => canTransition(status, a));
      expect(isFinal(status)).toBe(!leaves);
    }
    expect(CAMPAIGN_STATUSES.filter(isFinal)).toEqual(['completed', 'cancelled']);
  });

  it('stamps the matching timestamp and keeps the first start across pause/resume', () => {
    const c = row('scheduled');
    const t1 = new Date('2025-01-01T00:00:00Z');
    applyTransition(c, 'start', t1);
    expect(c).toMatchObject({ status: 'active', started_at: t1, updated_at: t1 });
    const t2 = new Date('2025-01-02T00:00:00Z');
    applyTransition(c, 'pause', t2);
    expect(c).toMatchObject({ status: 'paused', paused_at: t2, started_at: t1 });
    const t3 = new Date('2025-01-03T00:00:00Z');
    applyTransition(c, 'resume', t3);
    expect(c).toMatchObject({ status: 'active', paused_at: null, started_at: t1, updated_at: t3 });
    const t4 = new Date('2025-01-04T00:00:00Z');
    applyTransition(c, 'complete', t4);
    expect(c).toMatchObject({ status: 'completed', completed_at: t4 });
  });

  it('leaves the row untouched when the transition is illegal', () => {
    const c = row('cancelled');
    const before = { ...c };
    expect(() => applyTransition(c, 'resume', new Date())).toThrow(DomainError);
    expect(c).toEqual(before);
  });

  it('stamps cancellation', () => {
    const c = row('paused');
    const t = new Date('2025-02-01T00:00:00Z');
    expect(applyTransition(c, 'cancel', t).event).toBe('campaign.cancelled');
    expect(c.cancelled_at).toBe(t);
  });
});
