import { DomainError, fieldErrors, IngestEventsBody, type FieldError } from '@influgentic/contracts';
import { isCleanBatch, validateIngestBatch } from './batch-validation';

const NOW = Date.now();
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const good = { type: 'impression', campaign_id: 'cmp_1' };

/** Events class-validator accepts. */
const GOOD_EVENTS: Record<string, unknown>[] = [
  good,
  { id: 'evt-1', type: 'lead', campaign_id: 'cmp_1', content_id: 'cnt_1', agent_id: 'agent_a', platform: 'tiktok', language: 'de', count: 3,
    value_usd: 12.5, occurred_at: iso(-3_600_000), metadata: { email: 'a@b.c', score: 7, opted_in: true } },
  { type: 'conversion', campaign_id: 'x'.repeat(255), value_usd: 0, count: 10_000_000, occurred_at: `${iso(-86_400_000).slice(0, 10)}T00:00:00+01:00` },
  { type: 'click', campaign_id: 'cmp_1', value_usd: 1_000_000_000, metadata: {} },
  { type: 'engagement', campaign_id: 'cmp_1', occurred_at: iso(10 * 60_000) },
  // Null optional fields are valid for class-validator; the fast check leaves them to it.
  { type: 'impression', campaign_id: 'cmp_1', content_id: null, platform: null, count: null },
];

/** Events with one thing wrong each (or several). */
const BAD_EVENTS: unknown[] = [
  null, 'impression', 42,
  {},
  { type: 'impression' },
  { campaign_id: 'cmp_1' },
  { type: 'view', campaign_id: 'cmp_1' },
  { type: null, campaign_id: null },
  { type: 'impression', campaign_id: 7 },
  { type: 'impression', campaign_id: 'x'.repeat(256) },
  { type: 'impression', campaign_id: 'a\u0000b' },
  { type: 'impression', campaign_id: 'a\uD800b' },
  { ...good, id: '' },
  { ...good, id: 'has space' },
  { ...good, id: 'x'.repeat(256) },
  { ...good, id: 12 },
  { ...good, content_id: 5 },
  { ...good, agent_id: 'x'.repeat(300) },
  { ...good, platform: 'myspace' },
  { ...good, language: 'xx' },
  { ...good, count: 0 },
  { ...good, count: 1.5 },
  { ...good, count: '3' },
  { ...good, count: 10_000_001 },
  { ...good, value_usd: -1 },
  { ...good, value_usd: 1.234 },
  { ...good, value_usd: 1e-7 },
  { ...good, value_usd: '5' },
  { ...good, value_usd: 1_000_000_000.01 },
  { ...good, occurred_at: 'yesterday' },
  { ...good, occurred_at: '2025-02-30T10:00:00Z' },
  { ...good, occurred_at: '2025-01-01T10:00:00' },
  { ...good, occurred_at: '2025-01-01T25:00:00Z' },
  { ...good, occurred_at: iso(3_600_000) },
  { ...good, occurred_at: iso(-800 * 86_400_000) },
  { ...good, occurred_at: 1_700_000_000 },
  { ...good, metadata: 'x' },
  { ...good, metadata: [1] },
  { ...good, metadata: { nested: { a: 1 } } },
  { ...good, metadata: { '': 1 } },
  { ...good, metadata: { k: 'x'.repeat(501) } },
  { ...good, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) },
  { ...good, metadata: { k: 'a\u0000' } },
  { ...good, extra: 1 },
  { type: 'view', campaign_id: 5, count: -1, platform: 'nope' },
];

/** Shapes class-validator lets through (an array as an event, a `__proto__` key): left to it, so nothing changes. */
const ODD_EVENTS: unknown[] = [[], [good], JSON.parse('{"type":"impression","campaign_id":"cmp_1","__proto__":{"x":1}}')];

/** What the class-validator path (the contract) says about a body. */
const reference = (body: unknown): FieldError[] => fieldErrors(IngestEventsBody, body ?? {}).errors;

function refusal(body: unknown): FieldError[] {
  try {
    validateIngestBatch(body, NOW);
    return [];
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    expect(err.code).toBe('validation_error');
    return err.errors ?? [];
  }
}

describe('ingest batch validation', () => {
  it.each(GOOD_EVENTS.map((e, i) => [i, e]))('accepts good event #%i like class-validator does', (_, event) => {
    const body = { events: [event] };
    expect(reference(body)).toEqual([]);
    expect(refusal(body)).toEqual([]);
  });

  it('takes the fast path for clean events (no null optional fields)', () => {
    expect(isCleanBatch({ events: GOOD_EVENTS.slice(0, 5) }, NOW)).toBe(true);
    expect(isCleanBatch({ events: [GOOD_EVENTS[5]] }, NOW)).toBe(false);
  });

  it.each(BAD_EVENTS.map((e, i) => [i, e]))('refuses bad event #%i with exactly the errors class-validator gives', (_, event) => {
    const body = { events: [good, good, event, good] };
    const expected = reference(body);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((e) => e.field.startsWith('events[2]'))).toBe(true);
    expect(isCleanBatch(body, NOW)).toBe(false);
    expect(refusal(body)).toEqual(expected);
  });

  it.each(ODD_EVENTS.map((e, i) => [i, e]))('leaves odd event #%i to class-validator', (_, event) => {
    const body = { events: [good, event] };
    expect(isCleanBatch(body, NOW)).toBe(false);
    expect(refusal(body)).toEqual(reference(body));
  });

  it.each([
    ['not an object', 'events'],
    ['array body', [{ events: [good] }]],
    ['null body', null],
    ['no events', {}],
    ['events not an array', { events: good }],
    ['empty batch', { events: [] }],
    ['too many events', { events: Array.from({ length: 1001 }, () => good) }],
    ['unknown top-level field', { events: [good], extra: true }],
  ])('refuses a malformed batch (%s) like class-validator does', (_, body) => {
    const expected = reference(body);
    expect(expected.length).toBeGreaterThan(0);
    expect(refusal(body)).toEqual(expected);
  });

  it('names every bad event of a mixed batch by index, as class-validator does', () => {
    const body = { events: [good, { ...good, count: 0 }, good, { type: 'x', campaign_id: 'c' }, { ...good, language: 'xx' }] };
    const errors = refusal(body);
    expect(errors.map((e) => e.field)).toEqual(['events[1].count', 'events[3].type', 'events[4].language']);
    expect(errors).toEqual(reference(body));
  });

  it('returns a full clean batch of 1,000 events as given', () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({ ...GOOD_EVENTS[1], id: `evt-${i}` }));
    expect(validateIngestBatch({ events }, NOW)).toBe(events);
  });
});
