import type { Pool } from 'pg';
import type { BlockGrant } from './rate-counter-store';
import { RateLimiter, retryAfterSeconds, type CounterStore } from './rate-limiter';

const W = 60_000;

/** The shared counter's arithmetic in memory, counting trips, so the lease logic can be checked without timing. */
class MemoryCounters implements CounterStore {
  readonly slots = new Map<string, number>();
  trips = 0;

  async takeBlock(bucket: string, slot: number, block: number, limit: number, prevWeight: number): Promise<BlockGrant> {
    this.trips++;
    const key = `${bucket}@${slot}`;
    const hits = (this.slots.get(key) ?? 0) + block;
    const prevHits = this.slots.get(`${bucket}@${slot - W}`) ?? 0;
    const over = Math.ceil(prevHits * prevWeight + hits - limit);
    const granted = over <= 0 ? block : Math.max(0, block - over);
    this.slots.set(key, hits - (block - granted));
    return { granted, prevHits, hits: hits - (block - granted) };
  }

  async giveBack(bucket: string, slot: number, hits: number): Promise<void> {
    const key = `${bucket}@${slot}`;
    this.slots.set(key, Math.max(0, (this.slots.get(key) ?? 0) - hits));
  }

  async prune(): Promise<number> {
    return 0;
  }
}

async function spend(limiter: RateLimiter, bucket: string, limit: number, n: number) {
  let allowed = 0;
  for (let i = 0; i < n; i++) if ((await limiter.hit(bucket, limit)).allowed) allowed++;
  return allowed;
}

describe('RateLimiter (leased blocks)', () => {
  const slot = 1_000_000 * W;

  it('takes 1 % of the limit per trip, at most 50, at least 1', () => {
    const limiter = new RateLimiter(new MemoryCounters());
    expect(limiter.blockSize(120)).toBe(1);
    expect(limiter.blockSize(1200)).toBe(12);
    expect(limiter.blockSize(12_000)).toBe(50);
    expect(limiter.blockSize(1_000_000)).toBe(50);
  });

  it('spends a block in memory: one trip to the shared counter per block, not per request', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000);
    expect(await spend(limiter, 'k:read', 12_000, 500)).toBe(500);
    expect(store.trips).toBe(10);
    const d = await limiter.hit('k:read', 12_000);
    expect(d.remaining).toBe(12_000 - 501);
  });

  it('serves a burst bigger than a block in one trip, and refuses only what the budget cannot hold', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000);
    const burst = await Promise.all(Array.from({ length: 1000 }, () => limiter.hit('k:gen', 1_000_000)));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(store.trips).toBeLessThanOrEqual(2);
    const tight = await Promise.all(Array.from({ length: 300 }, () => limiter.hit('k:small', 200)));
    expect(tight.filter((d) => d.allowed)).toHaveLength(200);
  });

  it('lets concurrent requests of one bucket share one trip', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000);
    const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.hit('k:read', 5000)));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(store.trips).toBe(1);
  });

  it('shares one budget between replicas: never more than the limit, and at most a block per replica less', async () => {
    const store = new MemoryCounters();
    const a = new RateLimiter(store, () => slot + 1000);
    const b = new RateLimiter(store, () => slot + 1000);
    let allowed = 0;
    for (let i = 0; i < 3000; i++) if ((await (i % 3 ? a : b).hit('k:write', 1200)).allowed) allowed++;
    expect(allowed).toBeLessThanOrEqual(1200);
    expect(allowed).toBeGreaterThanOrEqual(1200 - 2 * a.blockSize(1200));
  });

  it('remembers a refusal for a second, then asks the shared counter again', async () => {
    const store = new MemoryCounters();
    let t = slot + 30_000;
    const limiter = new RateLimiter(store, () => t);
    expect(await spend(limiter, 'k:gen', 20, 20)).toBe(20);
    const tripsAtLimit = store.trips;
    const refused = await limiter.hit('k:gen', 20);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.resetSeconds).toBe(30);
    for (let i = 0; i < 50; i++) expect((await limiter.hit('k:gen', 20)).allowed).toBe(false);
    expect(store.trips).toBe(tripsAtLimit + 1);
    t += 1000;
    expect((await limiter.hit('k:gen', 20)).allowed).toBe(false);
    expect(store.trips).toBe(tripsAtLimit + 2);
  });

  it('applies a changed limit to the next request, whatever it remembered under the old one', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000);
    expect(await spend(limiter, 'k:read', 2, 3)).toBe(2);
    expect((await limiter.hit('k:read', 2)).allowed).toBe(false);
    const raised = await limiter.hit('k:read', 120);
    expect(raised).toMatchObject({ allowed: true, limit: 120 });
    expect(raised.remaining).toBe(117);
  });

  it('hands an unspent block back when its slot ends, and weighs the previous slot', async () => {
    const store = new MemoryCounters();
    let t = slot + 1000;
    const limiter = new RateLimiter(store, () => t);
    expect(await spend(limiter, 'k:read', 1000, 5)).toBe(5); // block of 10 taken, 5 spent
    expect(store.slots.get(`k:read@${slot}`)).toBe(10);
    t = slot + W + 30_000; // next slot, halfway: the previous one weighs 0.5
    await limiter.hit('k:read', 1000);
    await Promise.resolve();
    expect(store.slots.get(`k:read@${slot}`)).toBe(5);
    const d = await limiter.hit('k:read', 1000);
    expect(d.remaining).toBe(Math.floor(1000 - (5 * 0.5 + 10) + 8));
  });

  it('keeps memory bounded, handing evicted leases back', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000, '', { maxBuckets: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await limiter.hit(k, 1000);
    await Promise.resolve();
    expect(store.slots.get(`a@${slot}`)).toBe(1);
    expect(store.slots.get(`d@${slot}`)).toBe(10);
  });

  it('hands every unspent block back on release', async () => {
    const store = new MemoryCounters();
    const limiter = new RateLimiter(store, () => slot + 1000);
    await limiter.hit('k', 5000);
    await limiter.release();
    expect(store.slots.get(`k@${slot}`)).toBe(1);
  });
});

describe('retryAfterSeconds (rolling window arithmetic)', () => {
  const slot = 1_000_000 * W;

  it('waits for the slot to roll over when the current slot alone is full', () => {
    expect(retryAfterSeconds(slot + 15_000, slot, 0, 10, 10)).toBe(45);
  });

  it('waits only until enough of the previous slot has slid out of the window', () => {
    // 100 hits in the previous slot, 0 in this one, limit 60: room appears once prev weight ≤ 0.59.
    const now = slot + 6_000; // weight 0.9 → 90 used
    const wait = retryAfterSeconds(now, slot, 100, 0, 60);
    const t = now + wait * 1000;
    expect(100 * (1 - (t - slot) / W) + 0 + 1).toBeLessThanOrEqual(60);
    expect(100 * (1 - (t - 1000 - slot) / W) + 1).toBeGreaterThan(60);
  });

  it('never answers less than one second', () => {
    expect(retryAfterSeconds(slot + W - 1, slot, 0, 5, 5)).toBe(1);
  });
});

describe('RateLimiter.addressBucket', () => {
  it('prefixes per-address buckets with the installation namespace', () => {
    const pool = {} as Pool;
    expect(new RateLimiter(pool).addressBucket('authfail', '10.0.0.1')).toBe('authfail:10.0.0.1');
    expect(new RateLimiter(pool, Date.now, 'eu:').addressBucket('review', '10.0.0.1')).toBe('eu:review:10.0.0.1');
  });
});
