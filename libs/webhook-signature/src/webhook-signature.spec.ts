import { createHmac } from 'node:crypto';
import {
  generateWebhookSecret, isWebhookSecret, signWebhook, standardSignature, verifyWebhook, webhookSecretKey, WebhookVerificationError,
  type WebhookVerificationCode,
} from './index';

// The Standard Webhooks specification's published test vector (the reference libraries sign it the same way).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_VECTOR = new Date(VECTOR.timestamp * 1000);

function refusal(fn: () => unknown): WebhookVerificationCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof WebhookVerificationError) return err.code;
    throw err;
  }
  return undefined;
}

describe('webhook secrets', () => {
  it('generates igsec_ + base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^igsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(a)).toHaveLength(32);
    expect(a).not.toBe(generateWebhookSecret());
    expect(isWebhookSecret(a)).toBe(true);
  });

  it('decodes the key after either prefix, and a bare base64 key as the reference libraries do', () => {
    const key = webhookSecretKey(VECTOR.secret);
    expect(key).toHaveLength(24);
    expect(webhookSecretKey(`igsec_${VECTOR.secret.slice(6)}`)).toEqual(key);
    expect(webhookSecretKey(VECTOR.secret.slice(6))).toEqual(key);
  });

  it('accepts a caller-supplied secret only with a known prefix and canonical base64 of 24 to 64 bytes', () => {
    expect(isWebhookSecret(VECTOR.secret)).toBe(true);
    expect(isWebhookSecret(`igsec_${Buffer.alloc(64, 7).toString('base64')}`)).toBe(true);
    expect(isWebhookSecret(`igsec_${Buffer.alloc(23, 7).toString('base64')}`)).toBe(false);
    expect(isWebhookSecret(`igsec_${Buffer.alloc(65, 7).toString('base64')}`)).toBe(false);
    expect(isWebhookSecret(`sk_${Buffer.alloc(32, 7).toString('base64')}`)).toBe(false);
    expect(isWebhookSecret(Buffer.alloc(32, 7).toString('base64'))).toBe(false);
    expect(isWebhookSecret('igsec_not base64 at all, not even close!!')).toBe(false);
    expect(isWebhookSecret('igsec_')).toBe(false);
    expect(isWebhookSecret(42)).toBe(false);
  });
});

describe('Standard Webhooks scheme', () => {
  it('reproduces the specification test vector exactly', () => {
    expect(`v1,${standardSignature(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)}`).toBe(VECTOR.signature);
    const headers = signWebhook({ id: VECTOR.id, timestamp: VECTOR.timestamp, body: VECTOR.body, secrets: [VECTOR.secret] });
    expect(headers['webhook-id']).toBe(VECTOR.id);
    expect(headers['webhook-timestamp']).toBe('1614265330');
    expect(headers['webhook-signature']).toBe(VECTOR.signature);
  });

  it('verifies the vector as published, with header names in any case', () => {
    const headers = { 'Webhook-Id': VECTOR.id, 'WEBHOOK-TIMESTAMP': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    expect(verifyWebhook(headers, VECTOR.body, VECTOR.secret, { now: AT_VECTOR })).toEqual({ id: VECTOR.id, timestamp: VECTOR.timestamp, scheme: 'standard' });
    expect(verifyWebhook(new Headers(headers), Buffer.from(VECTOR.body), VECTOR.secret, { now: AT_VECTOR }).scheme).toBe('standard');
  });

  it('finds the matching signature among several (unknown versions and stale values are skipped)', () => {
    const headers = {
      'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${VECTOR.signature}`,
    };
    expect(verifyWebhook(headers, VECTOR.body, VECTOR.secret, { now: AT_VECTOR }).id).toBe(VECTOR.id);
  });

  it('refuses a tampered body, another secret, a partial signature and missing headers', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    const at = { now: AT_VECTOR };
    expect(refusal(() => verifyWebhook(headers, '{"test": 2432232315}', VECTOR.secret, at))).toBe('no_matching_signature');
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, generateWebhookSecret(), at))).toBe('no_matching_signature');
    expect(refusal(() => verifyWebhook({ ...headers, 'webhook-signature': VECTOR.signature.slice(0, 8) }, VECTOR.body, VECTOR.secret, at))).toBe('no_matching_signature');
    expect(refusal(() => verifyWebhook({ ...headers, 'webhook-signature': 'v1,' }, VECTOR.body, VECTOR.secret, at))).toBe('no_matching_signature');
    expect(refusal(() => verifyWebhook({ ...headers, 'webhook-id': VECTOR.id.replace('msg', 'msh') }, VECTOR.body, VECTOR.secret, at))).toBe('no_matching_signature');
    const { 'webhook-id': _id, ...noId } = headers;
    expect(refusal(() => verifyWebhook(noId, VECTOR.body, VECTOR.secret, at))).toBe('missing_headers');
    expect(refusal(() => verifyWebhook({ ...headers, 'webhook-timestamp': 'hello' }, VECTOR.body, VECTOR.secret, at))).toBe('missing_headers');
    expect(refusal(() => verifyWebhook({}, VECTOR.body, VECTOR.secret, at))).toBe('missing_headers');
  });

  it('accepts timestamps up to 300 s away either way and refuses beyond', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    const shifted = (s: number) => ({ now: new Date((VECTOR.timestamp + s) * 1000) });
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, VECTOR.secret, shifted(300)))).toBeUndefined();
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, VECTOR.secret, shifted(-300)))).toBeUndefined();
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, VECTOR.secret, shifted(301)))).toBe('timestamp_too_old');
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, VECTOR.secret, shifted(-301)))).toBe('timestamp_too_new');
    expect(refusal(() => verifyWebhook(headers, VECTOR.body, VECTOR.secret, { ...shifted(1000), toleranceSeconds: 1000 }))).toBeUndefined();
  });
});

describe('Stripe-style X-Influgentic-Signature', () => {
  const secret = 'igsec_' + Buffer.alloc(32, 9).toString('base64');
  const body = '{"id":"evt_1","type":"lead.captured"}';
  const t = 1_700_000_000;
  const at = { now: new Date(t * 1000) };

  it('is t=<unix>,v1=<hex HMAC-SHA256 keyed by the secret string, over "<t>.<body>">', () => {
    const headers = signWebhook({ id: 'whd_1', timestamp: t, body, secrets: [secret] });
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(headers['X-Influgentic-Signature']).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies on its own (the Standard headers absent), and refuses a changed body or an old timestamp', () => {
    const { 'X-Influgentic-Signature': sig } = signWebhook({ id: 'whd_1', timestamp: t, body, secrets: [secret] });
    const headers = { 'x-influgentic-signature': sig, 'x-influgentic-delivery': 'whd_1' };
    // The id to dedupe by is the signed body's, never the unsigned delivery header (a replay could change that).
    expect(verifyWebhook(headers, body, secret, at)).toEqual({ id: 'evt_1', timestamp: t, scheme: 'influgentic' });
    expect(verifyWebhook({ ...headers, 'x-influgentic-delivery': 'whd_forged' }, body, secret, at).id).toBe('evt_1');
    expect(refusal(() => verifyWebhook(headers, `${body} `, secret, at))).toBe('no_matching_signature');
    expect(refusal(() => verifyWebhook(headers, body, secret, { now: new Date((t + 301) * 1000) }))).toBe('timestamp_too_old');
    expect(refusal(() => verifyWebhook({ 'x-influgentic-signature': `v1=${'0'.repeat(64)}` }, body, secret, at))).toBe('missing_headers');
  });
});

describe('secret rotation', () => {
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();
  const t = 1_700_000_000;
  const body = '{"ok":true}';
  const headers = signWebhook({ id: 'whd_2', timestamp: t, body, secrets: [current, previous] });
  const at = { now: new Date(t * 1000) };

  it('carries one signature per secret in both schemes, current first', () => {
    const standard = headers['webhook-signature'].split(' ');
    expect(standard).toEqual([`v1,${standardSignature(current, 'whd_2', t, body)}`, `v1,${standardSignature(previous, 'whd_2', t, body)}`]);
    expect(headers['X-Influgentic-Signature'].split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
  });

  it('verifies with either secret, in either scheme', () => {
    for (const secret of [current, previous]) {
      expect(verifyWebhook(headers, body, secret, at).scheme).toBe('standard');
      expect(verifyWebhook({ 'X-Influgentic-Signature': headers['X-Influgentic-Signature'] }, body, secret, at).scheme).toBe('influgentic');
    }
    expect(refusal(() => verifyWebhook(headers, body, generateWebhookSecret(), at))).toBe('no_matching_signature');
  });

  it('lets a receiver hold both its secrets while it switches', () => {
    const onlyNew = signWebhook({ id: 'whd_3', timestamp: t, body, secrets: [current] });
    expect(verifyWebhook(onlyNew, body, [previous, current], at).id).toBe('whd_3');
  });

  it('refuses to sign without a secret or with a fractional timestamp', () => {
    expect(() => signWebhook({ id: 'whd_4', timestamp: t, body, secrets: [] })).toThrow();
    expect(() => signWebhook({ id: 'whd_4', timestamp: t + 0.5, body, secrets: [current] })).toThrow();
  });
});
