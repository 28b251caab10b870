import { createTextStream, startedEarly, type StreamOutcome } from './stream';
import { GenerationError, type GeneratedContent } from './types';

const outcome: StreamOutcome = {
  usage: { model: 'test/model', inputTokens: 1, outputTokens: 2 } as StreamOutcome['usage'],
  result: { body: 'one two' } as unknown as GeneratedContent,
};

/** A generator that records when it was asked for each chunk. */
function recorded(chunks: string[], signal?: AbortSignal) {
  const asked: number[] = [];
  const stream = createTextStream(async function* () {
    for (const [i, c] of chunks.entries()) {
      asked.push(i);
      await new Promise((r) => setTimeout(r, 5));
      if (signal?.aborted) throw new GenerationError('aborted', 'stopped');
      yield c;
    }
    return outcome;
  });
  return { stream, asked };
}

describe('startedEarly', () => {
  it('asks for the first chunk at once, then reads like the stream itself', async () => {
    const { stream, asked } = recorded(['one ', 'two']);
    const early = startedEarly(stream);
    await new Promise((r) => setTimeout(r, 1));
    expect(asked).toEqual([0]);
    const seen: string[] = [];
    for await (const c of early) seen.push(c);
    expect(seen).toEqual(['one ', 'two']);
    await expect(early.result).resolves.toBe(outcome.result);
    await expect(early.usage).resolves.toBe(outcome.usage);
  });

  it('can be dropped unread by aborting: nothing is left unhandled', async () => {
    const abort = new AbortController();
    const { stream } = recorded(['one ', 'two'], abort.signal);
    const early = startedEarly(stream);
    abort.abort();
    await new Promise((r) => setTimeout(r, 20));
    // The pending first chunk failed quietly; the result says why.
    await expect(early.result).rejects.toMatchObject({ code: 'aborted' });
  });

  it('stops the generation when its reader stops early, and can be read only once', async () => {
    const { stream, asked } = recorded(['a', 'b', 'c', 'd']);
    const early = startedEarly(stream);
    for await (const c of early) if (c === 'b') break;
    expect(asked).toEqual([0, 1]);
    await expect(early.result).rejects.toMatchObject({ code: 'aborted' });
    await expect((async () => { for await (const _ of early) void _; })()).rejects.toThrow('only be read once');
  });
});
