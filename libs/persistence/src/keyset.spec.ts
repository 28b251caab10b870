import { decodeCursor, encodeCursor } from './keyset';

describe('keyset cursors', () => {
  it('round-trips the sort key values', () => {
    const c = encodeCursor('agents:reach', [4200000, 'agent_velo_automotive', 2400]);
    expect(decodeCursor('agents:reach', c, 3)).toEqual([4200000, 'agent_velo_automotive', 2400]);
  });

  it('refuses a cursor of another list or sort', () => {
    const c = encodeCursor('agents:reach', [1, 'a']);
    expect(decodeCursor('agents:rating', c, 2)).toBeNull();
  });

  it('refuses garbage and wrong arity', () => {
    expect(decodeCursor('k', 'not-base64-json', 1)).toBeNull();
    expect(decodeCursor('k', encodeCursor('k', [1, 2]), 1)).toBeNull();
  });
});
