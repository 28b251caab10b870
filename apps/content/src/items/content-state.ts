import { CONTENT_STATUSES, DomainError, type ContentStatus } from '@influgentic/contracts';

/**
 * The content state machine, and the only place that knows it (API.md, Content, "Status machine"):
 *
 *   generating ──complete──> pending_review ──approve──> approved ──schedule──> scheduled ──publish──> published
 *   generating ──fail──> failed
 *   pending_review | approved ──reject──> rejected
 *   approved | scheduled ──publish_fail──> publish_failed ──retry──> published   (or publish_failed again)
 *   scheduled | published | publish_failed ──unpublish──> approved; scheduled ──unschedule──> approved
 *   anything settled but published ──regenerate──> generating
 *
 * Callers ask `transition()` and write what it answers; `CONTENT_TRANSITIONS` in the contracts lists the same moves.
 */
export const CONTENT_ACTIONS = [
  'complete', 'fail', 'approve', 'reject', 'regenerate', 'schedule', 'unschedule', 'publish', 'publish_fail', 'retry', 'unpublish',
] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

interface Rule { from: readonly ContentStatus[]; to: ContentStatus; verb: string }

const RULES: Record<ContentAction, Rule> = {
  complete: { from: ['generating'], to: 'pending_review', verb: 'completed' },
  fail: { from: ['generating'], to: 'failed', verb: 'failed' },
  approve: { from: ['pending_review'], to: 'approved', verb: 'approved' },
  reject: { from: ['pending_review', 'approved'], to: 'rejected', verb: 'rejected' },
  // A piece being written, or already out, is not rewritten under its readers: unpublish it first.
  regenerate: { from: ['pending_review', 'approved', 'scheduled', 'rejected', 'failed', 'publish_failed'], to: 'generating', verb: 'regenerated' },
  schedule: { from: ['approved', 'publish_failed'], to: 'scheduled', verb: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'approved', verb: 'unscheduled' },
  publish: { from: ['approved', 'scheduled'], to: 'published', verb: 'published' },
  publish_fail: { from: ['approved', 'scheduled', 'publish_failed'], to: 'publish_failed', verb: 'marked as failed to publish' },
  retry: { from: ['publish_failed'], to: 'published', verb: 'retried' },
  unpublish: { from: ['scheduled', 'published', 'publish_failed'], to: 'approved', verb: 'unpublished' },
};

export interface ContentTransition { from: ContentStatus; to: ContentStatus; action: ContentAction }

export function canTransition(from: ContentStatus, action: ContentAction): boolean {
  return RULES[action].from.includes(from);
}

/** Statuses `action` may start from. */
export function allowedFrom(action: ContentAction): readonly ContentStatus[] {
  return RULES[action].from;
}

/** Where `action` leads from `from`, or 409 invalid_state naming the current state. */
export function transition(from: ContentStatus, action: ContentAction, contentId = 'item'): ContentTransition {
  const rule = RULES[action];
  if (!rule.from.includes(from)) {
    throw new DomainError(
      'invalid_state',
      `Content ${contentId} is ${from} and cannot be ${rule.verb}`,
      undefined,
      `current status: ${from}; ${action} is allowed from: ${rule.from.join(', ')}`,
    );
  }
  return { from, to: rule.to, action };
}

/** Whether the item's text may still change: not while it is written, not once it is out. */
export function assertEditable(status: ContentStatus, contentId: string): void {
  if (status === 'published' || status === 'generating') {
    const why = status === 'published' ? 'is published; unpublish it first' : 'is still being generated';
    throw new DomainError('invalid_state', `Content ${contentId} ${why}`, undefined, `current status: ${status}`);
  }
}

/** Every (status, action) pair with its outcome; the unit tests walk it. */
export function transitionTable(): Array<{ from: ContentStatus; action: ContentAction; to: ContentStatus | null }> {
  return CONTENT_STATUSES.flatMap((from) => CONTENT_ACTIONS.map((action) => ({ from, action, to: canTransition(from, action) ? RULES[action].to : null })));
}
