import { EventSubscriber, type FrameSink } from './event-subscriber';
import { eventFrame } from './sse-frames';
import type { StreamedEvent } from './streamed-event';

class Frames implements FrameSink {
  readonly written: string[] = [];
  backedUp = false;
  write(frame: string): boolean { this.written.push(frame); return true; }
  drained(): Promise<void> { return Promise.resolve(); }
  /** The `id:` of every event written, in order. */
  get ids(): number[] { return this.written.filter((f) => f.startsWith('id: ')).map((f) => Number(f.slice(4, f.indexOf('\n')))); }
}

const ev = (seq: number, org = 'org_a', livemode = true, type = 'campaign.started'): StreamedEvent => ({
  seq, type, organizationId: org, livemode, agentId: null, frame: eventFrame(seq, type, '{}'),
});

describe('EventSubscriber', () => {
  it('takes live events only after it has caught up, and never one at or before its position', () => {
    const out = new Frames();
    const sub = new EventSubscriber(out, 'org_a', true, { types: null }, 10);
    sub.offerLive(ev(11));
    expect(out.ids).toEqual([]);
    expect(sub.catchUp(10)).toBe(true);
    sub.offerLive(ev(11));
    sub.offerLive(ev(11));
    sub.offerLive(ev(9));
    sub.offerLive(ev(12));
    expect(out.ids).toEqual([11, 12]);
  });

  it('joins replay and live without a gap or a duplicate at the seam', () => {
    const out = new Frames();
    const sub = new EventSubscriber(out, 'org_a', true, { types: null }, 3);
    let livePosition = 6;
    // The live side fans out 5..6 before the replay is through: ignored, the replay covers them.
    expect(sub.catchUp(livePosition)).toBe(false);
    sub.offerLive(ev(5));
    for (const seq of [4, 5]) {
      sub.offerReplay(ev(seq));
      expect(sub.catchUp(livePosition)).toBe(false);
    }
    // Meanwhile 7 arrives live; still replaying, so the replay must read on to it.
    livePosition = 7;
    sub.offerLive(ev(7));
    sub.offerReplay(ev(6));
    expect(sub.catchUp(livePosition)).toBe(false);
    sub.offerReplay(ev(7));
    expect(sub.catchUp(livePosition)).toBe(true);
    // The live side repeats what the replay already sent, then goes on.
    sub.offerLive(ev(7));
    sub.offerLive(ev(8));
    expect(out.ids).toEqual([4, 5, 6, 7, 8]);
  });

  it('passes over other organizations\' and the other mode\'s events in a replay while advancing its position', () => {
    const out = new Frames();
    const sub = new EventSubscriber(out, 'org_a', true, { types: null }, 0);
    sub.offerReplay(ev(1, 'org_b'));
    sub.offerReplay(ev(2, 'org_a', false));
    sub.offerReplay(ev(3, 'org_a', true));
    expect(out.ids).toEqual([3]);
    expect(sub.position).toBe(3);
  });

  it('advances past filtered events without sending them', () => {
    const out = new Frames();
    const sub = new EventSubscriber(out, 'org_a', true, { types: new Set(['job.failed']) }, 0);
    sub.catchUp(0);
    sub.offerLive(ev(1));
    sub.offerLive(ev(2, 'org_a', true, 'job.failed'));
    expect(out.ids).toEqual([2]);
    expect(sub.position).toBe(2);
  });

  it('takes nothing once ended', () => {
    const out = new Frames();
    const sub = new EventSubscriber(out, 'org_a', true, { types: null }, 0);
    sub.catchUp(0);
    sub.end();
    sub.offerLive(ev(1));
    sub.send(': heartbeat\n\n');
    expect(out.written).toEqual([]);
  });
});
