import { DomainError } from '@influgentic/contracts';
import {
  advisoryLockId, decideIdempotency, idempotencyInProgress, idempotencyKeyFromHeaders, idempotencyMismatch,
  IDEMPOTENCY_RETENTION_MS, isIdempotencyInProgress, isRecordableRefusal, isReplayBytes, readReplay, replayedRefusal, replayOf,
  type IdempotencyRecord,
} from './idempotency';

const now = new Date('2025-03-01T12:00:00Z');
const record = (over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  fingerprint: 'fp', outcome: 'done', response: { id: 'camp_1' }, resource_id: null, created_at: new Date(now.getTime() - 60_000), ...over,
});

describe('decideIdempotency', () => {
  it('runs the work when the key has no record', () => {
    expect(decideIdempotency(null, 'fp', now)).toEqual({ kind: 'fresh' });
  });

  it('replays a recorded answer to the same request', () => {
    expect(decideIdempotency(record(), 'fp', now)).toEqual({ kind: 'replay', response: { id: 'camp_1' } });
  });

  it('refuses the key for a different request', () => {
    expect(decideIdempotency(record(), 'other', now)).toEqual({ kind: 'mismatch' });
  });

  it('replays a recorded refusal as that refusal', () => {
    const error = { code: 'unsupported_language' as const, message: 'no', errors: [{ field: 'config.languages', code: 'unsupported', message: 'x' }] };
    expect(decideIdempotency(record({ outcome: 'refused', response: error }), 'fp', now)).toEqual({ kind: 'refused', error });
  });

  it('asks the service about the object a pending record points at', () => {
    expect(decideIdempotency(record({ outcome: 'pending', response: null, resource_id: 'cnt_1' }), 'fp', now)).toEqual({ kind: 'resolve', resourceId: 'cnt_1' });
  });

  it('forgets a record after the retention period, even for another request', () => {
    const old = record({ created_at: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) });
    expect(decideIdempotency(old, 'fp', now)).toEqual({ kind: 'fresh' });
    expect(decideIdempotency(old, 'other', now)).toEqual({ kind: 'fresh' });
  });

  it('treats a pending record without an object (a claim that never finished) as nothing', () => {
    expect(decideIdempotency(record({ outcome: 'pending', response: null }), 'fp', now)).toEqual({ kind: 'fresh' });
    expect(decideIdempotency(record({ outcome: 'pending', response: null }), 'other', now)).toEqual({ kind: 'fresh' });
  });
});

describe('what is recorded', () => {
  it('records refusals, but not the answers that say "not now" or "not with this key"', () => {
    expect(isRecordableRefusal(new DomainError('validation_error', 'x'))).toBe(true);
    expect(isRecordableRefusal(new DomainError('budget_exhausted', 'x'))).toBe(true);
    expect(isRecordableRefusal(new DomainError('conflict', 'name taken'))).toBe(true);
    expect(isRecordableRefusal(idempotencyInProgress())).toBe(false);
    expect(isRecordableRefusal(idempotencyMismatch())).toBe(false);
    expect(isRecordableRefusal(new DomainError('rate_limited', 'x'))).toBe(false);
    expect(isRecordableRefusal(new DomainError('service_unavailable', 'x'))).toBe(false);
    expect(isRecordableRefusal(new Error('boom'))).toBe(false);
  });

  it('tells "still running" apart from other conflicts', () => {
    expect(isIdempotencyInProgress(idempotencyInProgress())).toBe(true);
    expect(isIdempotencyInProgress(new DomainError('conflict', 'name taken'))).toBe(false);
  });
});

describe('replays on the wire', () => {
  it('passes a first answer through untouched', () => {
    expect(readReplay({ id: 'camp_1' })).toEqual({ replayed: false, response: { id: 'camp_1' } });
    expect(readReplay(null)).toEqual({ replayed: false, response: null });
  });

  it('tells a replay from a fresh answer by its first bytes', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(isReplayBytes(bytes(replayOf({ id: 'camp_1' })))).toBe(true);
    expect(isReplayBytes(bytes(replayOf(undefined)))).toBe(true);
    expect(isReplayBytes(bytes(replayedRefusal({ code: 'conflict', message: 'taken' })))).toBe(true);
    expect(isReplayBytes(bytes({ id: 'camp_1', $idempotent_replay: true }))).toBe(false);
    expect(isReplayBytes(bytes({ $idempotent_replay: false }))).toBe(false);
    expect(isReplayBytes(new Uint8Array())).toBe(false);
  });

  it('marks a replayed answer and turns a replayed refusal back into its error', () => {
    expect(readReplay(JSON.parse(JSON.stringify(replayOf({ id: 'camp_1' }))))).toEqual({ replayed: true, response: { id: 'camp_1' } });
    const r = readReplay(JSON.parse(JSON.stringify(replayedRefusal({ code: 'validation_error', message: '1 field is invalid', errors: [] }))));
    expect(r.replayed).toBe(true);
    expect(r.error).toBeInstanceOf(DomainError);
    expect(r.error?.code).toBe('validation_error');
  });

  it('reads the key and fingerprint from the headers, and nothing without a key', () => {
    expect(idempotencyKeyFromHeaders({ 'idempotency-key': 'k1', 'x-influgentic-request-hash': 'fp' })).toEqual({ key: 'k1', fingerprint: 'fp' });
    expect(idempotencyKeyFromHeaders({ 'x-influgentic-request-hash': 'fp' })).toBeUndefined();
  });
});

describe('advisoryLockId', () => {
  it('is a stable signed 64-bit integer per namespace and name', () => {
    const id = advisoryLockId('campaigns.idempotency', 'org_1\u0000true\u0000k1');
    expect(id).toBe(advisoryLockId('campaigns.idempotency', 'org_1\u0000true\u0000k1'));
    expect(BigInt(id) >= -(2n ** 63n) && BigInt(id) < 2n ** 63n).toBe(true);
    expect(id).not.toBe(advisoryLockId('content.idempotency', 'org_1\u0000true\u0000k1'));
    expect(id).not.toBe(advisoryLockId('campaigns.idempotency', 'org_1\u0000false\u0000k1'));
  });
});
