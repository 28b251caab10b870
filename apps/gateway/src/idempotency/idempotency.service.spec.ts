import { requestFingerprint, storableJson, withoutSecrets } from './idempotency.service';

describe('gateway idempotency helpers', () => {
  it('fingerprints method, path and body, so the same key for another request is told apart', () => {
    const a = requestFingerprint('POST', '/v1/campaigns', { name: 'A' });
    expect(a).toBe(requestFingerprint('POST', '/v1/campaigns', { name: 'A' }));
    expect(a).not.toBe(requestFingerprint('POST', '/v1/campaigns', { name: 'B' }));
    expect(a).not.toBe(requestFingerprint('POST', '/v1/agents', { name: 'A' }));
    expect(requestFingerprint('POST', '/v1/campaigns/camp_1/pause', undefined)).toBe(requestFingerprint('POST', '/v1/campaigns/camp_1/pause', null));
  });

  it('keeps no credential shown once at rest, wherever it sits in the answer', () => {
    const answer = {
      organization: { id: 'org_1', name: 'Acme' },
      api_key: { id: 'key_1', token: 'ig_live_abc', scopes: ['agents:read'] },
      webhooks: [{ id: 'wh_1', secret: 'igsec_x' }],
    };
    expect(withoutSecrets(answer)).toEqual({
      organization: { id: 'org_1', name: 'Acme' },
      api_key: { id: 'key_1', token: null, scopes: ['agents:read'] },
      webhooks: [{ id: 'wh_1', secret: null }],
    });
    // The answer itself is not changed: the first caller still gets the token.
    expect(answer.api_key.token).toBe('ig_live_abc');
  });

  it('stores an answer\'s JSON text as it came unless a credential\'s field occurs in it', () => {
    const plain = '{"id" : "cmp_1", "name" : "A \\"token\\" in text", "budget_usd" : 10}';
    expect(storableJson(plain)).toBe(plain);
    // Written by Postgres (spaces around the colon) or by JSON.stringify: either way the secret is dropped.
    expect(JSON.parse(storableJson('{"id" : "wh_1", "secret" : "whsec_x"}'))).toEqual({ id: 'wh_1', secret: null });
    expect(JSON.parse(storableJson(JSON.stringify({ data: [{ id: 'key_1', token: 'ig_live_x' }] })))).toEqual({ data: [{ id: 'key_1', token: null }] });
  });
});
