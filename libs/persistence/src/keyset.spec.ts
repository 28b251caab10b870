import { DomainError } from '@influgentic/contracts';
import { cursorKind, cursorValuesOrThrow, decodeCursor, encodeCursor } from './keyset';

const edited = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the sort key values', () => {
    const c = encodeCursor('agents:reach', [4200000, 'agent_velo_automotive', 2400]);
    expect(decodeCursor('agents:reach', c, ['int64', 'string', 'count'])).toEqual([4200000, 'agent_velo_automotive', 2400]);
  });

  it('refuses a cursor of another list or sort', () => {
    const c = encodeCursor('agents:reach', [1, 'a']);
    expect(decodeCursor('agents:rating', c, ['float4', 'string'])).toBeNull();
  });

  it('refuses garbage and wrong arity', () => {
    expect(decodeCursor('k', 'not-base64-json', ['string'])).toBeNull();
    expect(decodeCursor('k', encodeCursor('k', [1, 2]), ['count'])).toBeNull();
  });

  it.each([
    ['a string where a number belongs', ['k', 'abc', 'agent_x'], ['int64', 'string']],
    ['a number where an id belongs', ['k', 5, 7], ['int64', 'string']],
    ['an object where an id belongs', ['k', 5, { id: 1 }], ['int64', 'string']],
    ['bigint beyond 2^53', ['k', 9223372036854775807, 'a'], ['int64', 'string']],
    ['integer beyond int4', ['k', 2 ** 31, 'a'], ['int32', 'string']],
    ['real overflow', ['k', 1e300, 'a'], ['float4', 'string']],
    ['fractional count', ['k', 'a', 1.5], ['string', 'count']],
    ['negative count', ['k', 'a', -1], ['string', 'count']],
    ['a lone surrogate in an id', ['k', 1, 'agent_\ud800'], ['int64', 'string']],
    ['a NUL in an id', ['k', 1, 'a\u0000b'], ['int64', 'string']],
    ['an id longer than any id', ['k', 1, 'a'.repeat(256)], ['int64', 'string']],
  ] as const)('refuses values edited to the wrong type: %s', (_name, values, types) => {
    expect(decodeCursor('k', edited([...values]), types)).toBeNull();
    expect(() => cursorValuesOrThrow('k', edited([...values]), types)).toThrow(DomainError);
  });

  it('names the cursor field in the 422', () => {
    try {
      cursorValuesOrThrow('k', edited(['k', 'x']), ['int64']);
      throw new Error('should have thrown');
    } catch (err) {
      expect((err as DomainError).code).toBe('validation_error');
      expect((err as DomainError).errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it('keeps cursors short whatever the filter, and tells filters apart', () => {
    const q = 'ü'.repeat(131);
    const kind = cursorKind('agents:reach', { q });
    const c = encodeCursor(kind, [123456789, `agent_${'x'.repeat(60)}`, 100000]);
    expect(c.length).toBeLessThan(256);
    expect(decodeCursor(kind, c, ['int64', 'string', 'count'])).not.toBeNull();
    expect(decodeCursor(cursorKind('agents:reach', { q: `${q}x` }), c, ['int64', 'string', 'count'])).toBeNull();
  });
});
