import { CONTENT_STATUSES, CONTENT_TRANSITIONS, DomainError, type ContentStatus } from '@influgentic/contracts';
import { assertEditable, CONTENT_ACTIONS, canTransition, transition, transitionTable, type ContentAction } from './content-state';

/** The contract's machine written out by hand, independent of the implementation's table. */
const LEGAL: Array<[ContentStatus, ContentAction, ContentStatus]> = [
  ['generating', 'complete', 'pending_review'],
  ['generating', 'fail', 'failed'],
  ['pending_review', 'approve', 'approved'],
  ['pending_review', 'reject', 'rejected'],
  ['pending_review', 'regenerate', 'generating'],
  ['approved', 'reject', 'rejected'],
  ['approved', 'regenerate', 'generating'],
  ['approved', 'schedule', 'scheduled'],
  ['approved', 'publish', 'published'],
  ['approved', 'publish_fail', 'publish_failed'],
  ['scheduled', 'regenerate', 'generating'],
  ['scheduled', 'unschedule', 'approved'],
  ['scheduled', 'publish', 'published'],
  ['scheduled', 'publish_fail', 'publish_failed'],
  ['scheduled', 'unpublish', 'approved'],
  ['published', 'unpublish', 'approved'],
  ['rejected', 'regenerate', 'generating'],
  ['failed', 'regenerate', 'generating'],
  ['publish_failed', 'regenerate', 'generating'],
  ['publish_failed', 'schedule', 'scheduled'],
  ['publish_failed', 'publish_fail', 'publish_failed'],
  ['publish_failed', 'retry', 'published'],
  ['publish_failed', 'unpublish', 'approved'],
];
const isLegal = (from: ContentStatus, action: ContentAction) => LEGAL.some(([f, a]) => f === from && a === action);
const ILLEGAL = CONTENT_STATUSES.flatMap((from) => CONTENT_ACTIONS.filter((a) => !isLegal(from, a)).map((a) => [from, a] as const));

describe('content state machine', () => {
  it('covers every status × action pair exactly once', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(CONTENT_STATUSES.length * CONTENT_ACTIONS.length);
    expect(transitionTable()).toHaveLength(CONTENT_STATUSES.length * CONTENT_ACTIONS.length);
  });

  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(canTransition(from, action)).toBe(true);
    expect(transition(from, action, 'cnt_x')).toEqual({ from, to, action });
  });

  it.each(ILLEGAL)('%s --%s--> 409 invalid_state naming the current state', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    let err: unknown;
    try { transition(from, action, 'cnt_x'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_state');
    expect((err as DomainError).message).toContain(`is ${from}`);
    expect((err as DomainError).detail).toContain(`current status: ${from}`);
  });

  it('moves exactly as the contract table says', () => {
    for (const status of CONTENT_STATUSES) {
      const reachable = [...new Set(LEGAL.filter(([f]) => f === status).map(([, , to]) => to))].sort();
      expect([status, reachable]).toEqual([status, [...CONTENT_TRANSITIONS[status]].sort()]);
    }
  });

  it('keeps published and generating items from being edited', () => {
    expect(() => assertEditable('published', 'cnt_x')).toThrow(/unpublish it first/);
    expect(() => assertEditable('generating', 'cnt_x')).toThrow(/being generated/);
    for (const s of CONTENT_STATUSES.filter((x) => x !== 'published' && x !== 'generating')) expect(() => assertEditable(s, 'cnt_x')).not.toThrow();
  });
});
