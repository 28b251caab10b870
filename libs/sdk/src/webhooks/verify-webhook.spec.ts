import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { constantTimeEqual, fromBase64, fromHex } from './bytes';
import { verifyWebhook, WebhookVerificationError, type WebhookVerificationCode } from './verify-webhook';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_VECTOR = new Date(VECTOR.timestamp * 1000);

const SECRET = `igsec_${randomBytes(32).toString('base64')}`;
const EVENT = { id: 'evt_01TEST', type: 'campaign.started', created_at: '2025-01-01T00:00:00Z', organization_id: 'org_1', livemode: true, data: { id: 'camp_1' } };
const BODY = JSON.stringify(EVENT);

/** Headers as the reference library signs them (it takes the base64 key after `whsec_`). */
function referenceHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const signer = new Webhook(`whsec_${secret.slice(secret.indexOf('_') + 1)}`);
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signer.sign(id, at, body) };
}

/** `X-Influgentic-Signature` computed independently with Node's crypto: hex HMAC-SHA256(secret text, "<t>.<body>"). */
function influgenticHeader(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationCode | undefined> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WebhookVerificationError) return err.code;
    throw err;
  }
  return undefined;
}

describe('verifyWebhook — Standard Webhooks', () => {
  it('accepts the specification test vector', async () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    await expect(verifyWebhook(VECTOR.body, headers, VECTOR.secret, { now: AT_VECTOR })).resolves.toEqual({ test: 2432232314 });
  });

  it('accepts what the reference library signs, with an igsec_ secret, from a string, bytes or fetch Headers', async () => {
    const now = new Date();
    const headers = referenceHeaders(SECRET, 'whd_1', now, BODY);
    await expect(verifyWebhook(BODY, headers, SECRET)).resolves.toEqual(EVENT);
    await expect(verifyWebhook(Buffer.from(BODY), new Headers(headers), SECRET)).resolves.toEqual(EVENT);
    await expect(verifyWebhook(new TextEncoder().encode(BODY).buffer, { 'WEBHOOK-ID': headers['webhook-id'], 'Webhook-Timestamp': headers['webhook-timestamp'], 'webhook-signature': headers['webhook-signature'] }, SECRET)).resolves.toEqual(EVENT);
  });

  it('agrees with the reference library on what to refuse', async () => {
    const now = new Date();
    const headers = referenceHeaders(SECRET, 'whd_2', now, BODY);
    const tampered = BODY.replace('camp_1', 'camp_2');
    expect(() => new Webhook(`whsec_${SECRET.slice(6)}`).verify(tampered, headers)).toThrow();
    expect(await refusal(verifyWebhook(tampered, headers, SECRET))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(BODY, { ...headers, 'webhook-id': 'whd_3' }, SECRET))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(BODY, headers, `igsec_${randomBytes(32).toString('base64')}`))).toBe('no_matching_signature');
  });

  it('finds a valid signature among several (a rotation), and tries every secret given', async () => {
    const old = `igsec_${randomBytes(32).toString('base64')}`;
    const now = new Date();
    const fresh = referenceHeaders(SECRET, 'whd_4', now, BODY);
    const stale = referenceHeaders(old, 'whd_4', now, BODY);
    const both = { ...fresh, 'webhook-signature': `${stale['webhook-signature']} v2,abc ${fresh['webhook-signature']}` };
    await expect(verifyWebhook(BODY, both, SECRET)).resolves.toEqual(EVENT);
    await expect(verifyWebhook(BODY, stale, [SECRET, old])).resolves.toEqual(EVENT);
  });

  it('accepts timestamps within the tolerance either way and refuses beyond it', async () => {
    const signedAt = new Date('2025-03-01T12:00:00Z');
    const headers = referenceHeaders(SECRET, 'whd_5', signedAt, BODY);
    const at = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);
    await expect(verifyWebhook(BODY, headers, SECRET, { now: at(300) })).resolves.toEqual(EVENT);
    await expect(verifyWebhook(BODY, headers, SECRET, { now: at(-300) })).resolves.toEqual(EVENT);
    expect(await refusal(verifyWebhook(BODY, headers, SECRET, { now: at(301) }))).toBe('timestamp_too_old');
    expect(await refusal(verifyWebhook(BODY, headers, SECRET, { now: at(-301) }))).toBe('timestamp_too_new');
    await expect(verifyWebhook(BODY, headers, SECRET, { now: at(3600), toleranceSeconds: 3600 })).resolves.toEqual(EVENT);
  });

  it('says clearly what is missing or malformed', async () => {
    const headers = referenceHeaders(SECRET, 'whd_6', new Date(), BODY);
    const { 'webhook-id': _id, ...noId } = headers;
    expect(await refusal(verifyWebhook(BODY, noId, SECRET))).toBe('missing_headers');
    expect(await refusal(verifyWebhook(BODY, { ...headers, 'webhook-timestamp': 'yesterday' }, SECRET))).toBe('invalid_timestamp');
    expect(await refusal(verifyWebhook(BODY, { ...headers, 'webhook-signature': 'v1,not base64!' }, SECRET))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(BODY, {}, SECRET))).toBe('missing_headers');
    expect(await refusal(verifyWebhook(BODY, headers, ''))).toBe('invalid_secret');
    expect(await refusal(verifyWebhook(BODY, headers, 'igsec_***'))).toBe('invalid_secret');
    const notJson = 'plain text';
    expect(await refusal(verifyWebhook(notJson, referenceHeaders(SECRET, 'whd_7', new Date(), notJson), SECRET))).toBe('invalid_body');
  });
});

describe('verifyWebhook — X-Influgentic-Signature', () => {
  const now = Math.floor(Date.now() / 1000);

  it('accepts t=…,v1=… keyed with the secret text, and picks it when the Standard headers are absent', async () => {
    await expect(verifyWebhook(BODY, { 'X-Influgentic-Signature': influgenticHeader(SECRET, now, BODY) }, SECRET)).resolves.toEqual(EVENT);
  });

  it('accepts any matching v1 among several, upper-case hex included', async () => {
    const header = influgenticHeader(SECRET, now, BODY);
    const [t, v1] = header.split(',');
    await expect(verifyWebhook(BODY, { 'x-influgentic-signature': `${t},v1=${'0'.repeat(64)},${v1.toUpperCase().replace('V1=', 'v1=')}` }, SECRET)).resolves.toEqual(EVENT);
  });

  it('refuses a tampered body, another secret, an old timestamp and a missing t=', async () => {
    const header = influgenticHeader(SECRET, now, BODY);
    expect(await refusal(verifyWebhook(BODY.replace('camp_1', 'camp_9'), { 'x-influgentic-signature': header }, SECRET))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(BODY, { 'x-influgentic-signature': header }, `igsec_${randomBytes(32).toString('base64')}`))).toBe('no_matching_signature');
    const old = influgenticHeader(SECRET, now - 301, BODY);
    expect(await refusal(verifyWebhook(BODY, { 'x-influgentic-signature': old }, SECRET))).toBe('timestamp_too_old');
    expect(await refusal(verifyWebhook(BODY, { 'x-influgentic-signature': header.split(',')[1] }, SECRET))).toBe('missing_headers');
  });

  it('verifies the scheme asked for, whatever else is present', async () => {
    const headers = { ...referenceHeaders(SECRET, 'whd_8', new Date(), BODY), 'x-influgentic-signature': influgenticHeader(SECRET, now, BODY) };
    await expect(verifyWebhook(BODY, headers, SECRET, { scheme: 'influgentic' })).resolves.toEqual(EVENT);
    expect(await refusal(verifyWebhook(BODY, { ...headers, 'x-influgentic-signature': `t=${now},v1=${'ab'.repeat(32)}` }, SECRET, { scheme: 'influgentic' }))).toBe('no_matching_signature');
    await expect(verifyWebhook(BODY, { ...headers, 'x-influgentic-signature': 'junk' }, SECRET)).resolves.toEqual(EVENT);
  });
});

describe('byte helpers', () => {
  it('compares equal and unequal byte strings, and never equates different lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });

  it('decodes base64 and hex, and refuses what is not', () => {
    expect(Array.from(fromBase64('AQID') as Uint8Array)).toEqual([1, 2, 3]);
    expect(fromBase64('A*==')).toBeUndefined();
    expect(Array.from(fromHex('0aff') as Uint8Array)).toEqual([10, 255]);
    expect(fromHex('0af')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
  });
});
