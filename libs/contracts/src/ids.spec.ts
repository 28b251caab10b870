import { newId } from './ids';

describe('newId', () => {
  it('is prefixed, sortable by time and unique', async () => {
    const a = newId('campaign');
    await new Promise((r) => setTimeout(r, 2));
    const b = newId('campaign');
    expect(a).toMatch(/^camp_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(b > a).toBe(true);
    const burst = Array.from({ length: 1000 }, () => newId('event'));
    expect([...burst].sort()).toEqual(burst);
    const many = new Set(Array.from({ length: 20_000 }, () => newId('event')));
    expect(many.size).toBe(20_000);
  });
});
