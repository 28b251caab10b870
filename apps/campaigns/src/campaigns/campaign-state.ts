import { CAMPAIGN_STATUSES, DomainError, FINAL_CAMPAIGN_STATUSES, type CampaignStatus, type EventType } from '@influgentic/contracts';

/**
 * The campaign state machine, and the only place that knows it:
 *
 *   scheduled ──start──> active ──pause──> paused ──resume──> active
 *   active | paused ──complete──> completed          (ends_at reached)
 *   scheduled | active | paused ──cancel──> cancelled
 *
 * `completed` and `cancelled` are final. Callers ask `transition()` and write what it answers.
 */
export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'complete', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

type StampField = 'started_at' | 'paused_at' | 'completed_at' | 'cancelled_at';

interface Rule { from: readonly CampaignStatus[]; to: CampaignStatus; event: EventType; stamp: StampField; verb: string }

const RULES: Record<CampaignAction, Rule> = {
  start: { from: ['scheduled'], to: 'active', event: 'campaign.started', stamp: 'started_at', verb: 'started' },
  pause: { from: ['active'], to: 'paused', event: 'campaign.paused', stamp: 'paused_at', verb: 'paused' },
  // Resuming keeps the first start time and clears the pause mark.
  resume: { from: ['paused'], to: 'active', event: 'campaign.resumed', stamp: 'paused_at', verb: 'resumed' },
  complete: { from: ['active', 'paused'], to: 'completed', event: 'campaign.completed', stamp: 'completed_at', verb: 'completed' },
  cancel: { from: ['scheduled', 'active', 'paused'], to: 'cancelled', event: 'campaign.cancelled', stamp: 'cancelled_at', verb: 'cancelled' },
};

export interface Transition { from: CampaignStatus; to: CampaignStatus; event: EventType; action: CampaignAction }

export function isFinal(status: CampaignStatus): boolean {
  return FINAL_CAMPAIGN_STATUSES.includes(status);
}

export function canTransition(from: CampaignStatus, action: CampaignAction): boolean {
  return RULES[action].from.includes(from);
}

/** Where `action` leads from `from`, or 409 invalid_state naming the current state. */
export function transition(from: CampaignStatus, action: CampaignAction, campaignId = 'campaign'): Transition {
  const rule = RULES[action];
  if (!rule.from.includes(from)) {
    throw new DomainError(
      'invalid_state',
      `Campaign ${campaignId} is ${from} and cannot be ${rule.verb}`,
      undefined,
      `current status: ${from}; ${action} is allowed from: ${rule.from.join(', ')}`,
    );
  }
  return { from, to: rule.to, event: rule.event, action };
}

export interface Stateful {
  status: CampaignStatus;
  started_at: Date | null;
  paused_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  updated_at: Date;
}

/** Applies a legal transition to a row in memory (status and its timestamps); throws like `transition`. */
export function applyTransition<T extends Stateful>(row: T & { id?: string }, action: CampaignAction, now: Date): Transition {
  const t = transition(row.status, action, row.id);
  row.status = t.to;
  row.updated_at = now;
  if (action === 'resume') row.paused_at = null;
  else row[RULES[action].stamp] = now;
  return t;
}

/** Every (status, action) pair with its outcome; the unit tests walk it. */
export function transitionTable(): Array<{ from: CampaignStatus; action: CampaignAction; to: CampaignStatus | null }> {
  return CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_ACTIONS.map((action) => ({ from, action, to: canTransition(from, action) ? RULES[action].to : null })));
}
