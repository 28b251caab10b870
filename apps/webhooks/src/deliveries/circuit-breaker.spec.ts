import { attemptsAllowed, circuitState, openUntilAfterFailure, shouldAutoDisable } from './circuit-breaker';

const now = new Date('2026-03-01T12:00:00Z');
const later = new Date(now.getTime() + 60_000);
const earlier = new Date(now.getTime() - 1);

describe('circuit breaker', () => {
  it('stays closed under the threshold, opens at it until the given time, then lets one probe through', () => {
    expect(circuitState({ consecutiveFailures: 4, circuitOpenUntil: later }, now, 5)).toBe('closed');
    expect(circuitState({ consecutiveFailures: 5, circuitOpenUntil: later }, now, 5)).toBe('open');
    expect(circuitState({ consecutiveFailures: 9, circuitOpenUntil: earlier }, now, 5)).toBe('half_open');
    expect(circuitState({ consecutiveFailures: 9, circuitOpenUntil: null }, now, 5)).toBe('half_open');
  });

  it('allows the endpoint its concurrency while closed, one probe half-open, nothing open', () => {
    expect(attemptsAllowed('closed', 0, 8)).toBe(8);
    expect(attemptsAllowed('closed', 6, 8)).toBe(2);
    expect(attemptsAllowed('closed', 9, 8)).toBe(0);
    expect(attemptsAllowed('half_open', 0, 8)).toBe(1);
    expect(attemptsAllowed('half_open', 1, 8)).toBe(0);
    expect(attemptsAllowed('open', 0, 8)).toBe(0);
  });

  it('opens until the failed delivery’s next try, or a fallback when it has none', () => {
    expect(openUntilAfterFailure(4, 5, later, now, 5_000)).toBeNull();
    expect(openUntilAfterFailure(5, 5, later, now, 5_000)).toEqual(later);
    expect(openUntilAfterFailure(7, 5, null, now, 5_000)).toEqual(new Date(now.getTime() + 5_000));
  });

  it('disables after continuous failure for the whole window, not before', () => {
    const day = 86_400_000;
    expect(shouldAutoDisable(null, now, 5 * day)).toBe(false);
    expect(shouldAutoDisable(new Date(now.getTime() - 5 * day + 1), now, 5 * day)).toBe(false);
    expect(shouldAutoDisable(new Date(now.getTime() - 5 * day), now, 5 * day)).toBe(true);
  });
});
