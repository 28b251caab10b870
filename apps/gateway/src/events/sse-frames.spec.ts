import { DomainError } from '@influgentic/contracts';
import { commentFrame, eventFrame, gapFrame, openingFrame, resumePosition } from './sse-frames';

describe('event stream frames', () => {
  it('writes an event as id, event and data lines ending with a blank line', () => {
    expect(eventFrame(42, 'campaign.started', '{"id":"evt_1"}')).toBe('id: 42\nevent: campaign.started\ndata: {"id":"evt_1"}\n\n');
  });

  it('keeps a comment on one line whatever it is given', () => {
    expect(commentFrame('a\nb\r\nc')).toBe(': a b c\n\n');
  });

  it('opens with a retry hint and a comment, and says stream.gap without an id', () => {
    expect(openingFrame(2000)).toBe('retry: 2000\n: stream open\n\n');
    const gap = gapFrame({ requested_after: '5', resumed_from: '9', reason: 'retention' });
    expect(gap).toBe('event: stream.gap\ndata: {"requested_after":"5","resumed_from":"9","reason":"retention"}\n\n');
    expect(gap).not.toMatch(/^id:/m);
  });
});

describe('resumePosition', () => {
  it('takes the Last-Event-ID header first, then ?last_event_id=, else none', () => {
    expect(resumePosition('17', '3')).toBe(17);
    expect(resumePosition(undefined, '3')).toBe(3);
    expect(resumePosition(['8', '9'], undefined)).toBe(8);
    expect(resumePosition(undefined, undefined)).toBeNull();
  });

  it('treats an empty header as no position (what the SSE spec lets a server send to reset it)', () => {
    expect(resumePosition('', undefined)).toBeNull();
    expect(resumePosition('  ', '4')).toBe(4);
  });

  it('refuses a header that is not a position this stream sent, naming the header', () => {
    for (const bad of ['evt_01abc', '-1', '1.5', '12345678901234567']) {
      let caught: unknown;
      try { resumePosition(bad, undefined); } catch (err) { caught = err; }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('validation_error');
      expect((caught as DomainError).errors?.[0].field).toBe('Last-Event-ID');
    }
  });
});
