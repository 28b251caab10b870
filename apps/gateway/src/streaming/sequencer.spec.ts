import { Sequencer } from './sequencer';
import { wantsEventStream } from './sse-response';

const m = (seq: number) => ({ seq, text: `#${seq}` });

describe('Sequencer', () => {
  it('delivers in order, holding a message that arrives early until the hole before it is filled', () => {
    const s = new Sequencer<ReturnType<typeof m>>();
    expect(s.accept(m(1)).map((x) => x.seq)).toEqual([1]);
    expect(s.accept(m(3))).toEqual([]);
    expect(s.waiting).toBe(1);
    expect(s.expected).toBe(2);
    expect(s.accept(m(2)).map((x) => x.seq)).toEqual([2, 3]);
    expect(s.waiting).toBe(0);
  });

  it('ignores duplicates and messages already delivered', () => {
    const s = new Sequencer<ReturnType<typeof m>>();
    s.accept(m(1));
    expect(s.accept(m(1))).toEqual([]);
    s.accept(m(3));
    expect(s.accept(m(3))).toEqual([]);
    expect(s.accept({ seq: 1.5, text: '' })).toEqual([]);
    expect(s.waiting).toBe(1);
  });
});

describe('wantsEventStream', () => {
  it.each([
    [undefined, { stream: true }, true],
    ['text/event-stream', {}, true],
    ['application/json, text/event-stream;q=0.5', undefined, true],
    ['TEXT/EVENT-STREAM', {}, true],
    ['text/event-stream;q=0', {}, false],
    ['application/json', { stream: false }, false],
    [undefined, { stream: 'true' }, false],
    ['*/*', {}, false],
  ])('Accept %p with body %p → %p', (accept, body, expected) => {
    expect(wantsEventStream(accept, body)).toBe(expected);
  });
});
