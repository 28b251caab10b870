import { DomainError } from '@influgentic/contracts';
import { SecretBox, parseKeyRing } from '../secrets/secret-box';
import type { EndpointRow } from './endpoints.repository';
import {
  checkedWebhookUrl, endpointsConfigFromEnv, eventListErrors, parseWebhookUrl, previousSecretExpiry, secretErrors, toWebhookEndpoint,
} from './endpoints.policy';
import { signingSecrets } from './signing-secrets';

const box = new SecretBox(parseKeyRing(Buffer.alloc(32, 3).toString('base64')));
const NOW = new Date('2025-03-01T12:00:00Z');

function row(over: Partial<EndpointRow> = {}): EndpointRow {
  return {
    id: 'wh_01', organization_id: 'org_1', livemode: true, url: 'https://hooks.example.com/in', description: null, events: ['*'],
    status: 'enabled', disabled_reason: null, disabled_at: null, secret_ciphertext: box.seal('igsec_current'),
    previous_secret_ciphertext: null, previous_secret_expires_at: null, rate_limit_per_minute: null,
    created_at: new Date('2025-03-01T10:00:00Z'), updated_at: new Date('2025-03-01T11:00:00Z'), deleted_at: null, ...over,
  };
}

async function fieldCodes(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
    return [];
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return (err.errors ?? []).map((e) => `${e.field}:${e.code}`);
  }
}

describe('endpoint URLs', () => {
  it('refuses what is not an absolute URL, carries credentials or a fragment', () => {
    expect(parseWebhookUrl('not a url').errors).toEqual([expect.objectContaining({ field: 'url', code: 'format' })]);
    expect(parseWebhookUrl('/relative').errors[0].code).toBe('format');
    expect(parseWebhookUrl('https://user:pw@hooks.example.com/').errors[0].code).toBe('credentials');
    expect(parseWebhookUrl('https://hooks.example.com/#x').errors[0].code).toBe('format');
    expect(parseWebhookUrl('https://hooks.example.com/in?x=1').url?.toString()).toBe('https://hooks.example.com/in?x=1');
  });

  it('judges scheme and address with the policy, naming the url field', async () => {
    expect(await fieldCodes(checkedWebhookUrl('http://93.184.216.34/', false))).toEqual(['url:scheme']);
    expect(await fieldCodes(checkedWebhookUrl('https://10.0.0.8/', false))).toEqual(['url:forbidden_address']);
    expect(await fieldCodes(checkedWebhookUrl('https://169.254.169.254/', false))).toEqual(['url:forbidden_address']);
    expect(await fieldCodes(checkedWebhookUrl('ftp://93.184.216.34/', true))).toEqual(['url:scheme']);
    expect(await fieldCodes(checkedWebhookUrl('https://nothing-here.invalid/', true))).toEqual(['url:unresolvable_host']);
    await expect(checkedWebhookUrl('https://93.184.216.34/HOOK', false)).resolves.toBe('https://93.184.216.34/HOOK');
    await expect(checkedWebhookUrl('http://127.0.0.1:9000/in', true)).resolves.toBe('http://127.0.0.1:9000/in');
  });
});

describe('event lists and secrets', () => {
  it("wants '*' alone", () => {
    expect(eventListErrors(['*'])).toEqual([]);
    expect(eventListErrors(['lead.captured', 'job.failed'])).toEqual([]);
    expect(eventListErrors(['*', 'lead.captured'])).toEqual([expect.objectContaining({ field: 'events', code: 'wildcard_alone' })]);
  });

  it('accepts a caller secret only in the Standard Webhooks format', () => {
    expect(secretErrors(undefined)).toEqual([]);
    expect(secretErrors('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toEqual([]);
    expect(secretErrors('hunter2')).toEqual([expect.objectContaining({ field: 'secret', code: 'format' })]);
  });
});

describe('the public view', () => {
  it('never shows a secret, and shows the previous secret expiry only while it still signs', () => {
    const open = row({ previous_secret_ciphertext: box.seal('igsec_previous'), previous_secret_expires_at: new Date('2025-03-02T12:00:00Z') });
    const view = toWebhookEndpoint(open, NOW);
    expect(JSON.stringify(view)).not.toMatch(/igsec_|secret_ciphertext|v1\./);
    expect(view).toMatchObject({ object: 'webhook_endpoint', previous_secret_expires_at: '2025-03-02T12:00:00.000Z', created_at: '2025-03-01T10:00:00.000Z' });
    expect(toWebhookEndpoint(open, new Date('2025-03-03T00:00:00Z')).previous_secret_expires_at).toBeNull();
  });
});

describe('signing secrets', () => {
  it('signs with the current secret, plus the previous one until its overlap ends', () => {
    const expires = previousSecretExpiry(NOW, 24 * 3_600_000);
    expect(expires.toISOString()).toBe('2025-03-02T12:00:00.000Z');
    const rotated = row({ previous_secret_ciphertext: box.seal('igsec_previous'), previous_secret_expires_at: expires });
    expect(signingSecrets(rotated, box, NOW)).toEqual(['igsec_current', 'igsec_previous']);
    expect(signingSecrets(rotated, box, new Date(expires.getTime() + 1))).toEqual(['igsec_current']);
    expect(signingSecrets(row(), box, NOW)).toEqual(['igsec_current']);
  });
});

describe('configuration', () => {
  it('has the contract defaults and takes positive overrides only', () => {
    expect(endpointsConfigFromEnv({})).toEqual({ maxEndpoints: 50, rotationOverlapMs: 86_400_000 });
    expect(endpointsConfigFromEnv({ WEBHOOKS_MAX_ENDPOINTS: '3', WEBHOOKS_ROTATION_OVERLAP_MS: '1000' })).toEqual({ maxEndpoints: 3, rotationOverlapMs: 1000 });
    expect(endpointsConfigFromEnv({ WEBHOOKS_MAX_ENDPOINTS: '-1', WEBHOOKS_ROTATION_OVERLAP_MS: 'soon' })).toEqual({ maxEndpoints: 50, rotationOverlapMs: 86_400_000 });
  });
});
