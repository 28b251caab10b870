import { randomFillSync } from 'node:crypto';
import { monotonicFactory, type PRNG } from 'ulid';

export const ID_PREFIXES = {
  organization: 'org', agent: 'agent', campaign: 'camp', content: 'cnt', job: 'job', batch: 'batch', webhook: 'wh',
  delivery: 'whd', event: 'evt', key: 'key', session: 'sess', request: 'req',
  review_link: 'rvl',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/**
 * Cryptographic randomness drawn from a pooled buffer: the default ULID source asks the kernel once per character,
 * which showed up in request-path profiles.
 */
const pool = new Uint32Array(1024);
let next = pool.length;
const pooledRandom: PRNG = () => {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++] / 0x1_0000_0000;
};

/** Monotonic within a process, so two ids made in the same millisecond (two events of one transaction) keep their order. */
const ulid = monotonicFactory(pooledRandom);

/** Prefixed, lexicographically sortable id (ULID after the prefix). */
export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulid().toLowerCase()}`;
}
