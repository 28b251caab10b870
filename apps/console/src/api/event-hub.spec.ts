import { EventHub, type LiveEvent } from './event-hub';

const event = (type: string): LiveEvent => ({ id: '1', type, created_at: '2025-01-01T00:00:00Z', data: {} });

describe('EventHub', () => {
  it('delivers matching types and prefixes, and stops after unsubscribe', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    const off = hub.subscribe(['campaign.*', 'job.completed'], (e) => seen.push(e.type));
    hub.publish(event('campaign.started'));
    hub.publish(event('job.failed'));
    hub.publish(event('job.completed'));
    off();
    hub.publish(event('campaign.paused'));
    expect(seen).toEqual(['campaign.started', 'job.completed']);
    expect(hub.size).toBe(0);
  });

  it('keeps delivering when one handler throws', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.subscribe(['x'], () => { throw new Error('boom'); });
    hub.subscribe(['x'], (e) => seen.push(e.type));
    hub.publish(event('x'));
    expect(seen).toEqual(['x']);
  });
});
