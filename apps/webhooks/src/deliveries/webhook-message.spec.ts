import { generateWebhookSecret, verifyWebhook } from '@influgentic/webhook-signature';
import { webhookBody, webhookHeaders } from './webhook-message';

describe('webhook message', () => {
  const event = {
    id: 'evt_01', type: 'lead.captured' as const, created_at: '2026-03-01T12:00:00.000Z', organization_id: 'org_1', livemode: false,
    data: { lead_id: 'lead_1' },
  };

  it('is the contract envelope, livemode included, in a fixed field order', () => {
    expect(webhookBody(event)).toBe('{"id":"evt_01","type":"lead.captured","created_at":"2026-03-01T12:00:00.000Z","organization_id":"org_1","livemode":false,"data":{"lead_id":"lead_1"}}');
  });

  it('carries the event type, the delivery id as webhook-id, and both schemes signed by every secret', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const now = new Date();
    const body = webhookBody(event);
    const headers = webhookHeaders({ id: 'whd_01', event_type: 'lead.captured' }, body, [current, previous], now);
    expect(headers).toMatchObject({
      'content-type': 'application/json', 'user-agent': 'Influgentic-Webhooks/1', 'x-influgentic-event': 'lead.captured',
      'x-influgentic-delivery': 'whd_01', 'webhook-id': 'whd_01', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    });
    for (const secret of [current, previous]) expect(verifyWebhook(headers, body, secret, { now })).toMatchObject({ id: 'whd_01', scheme: 'standard' });
    expect(() => verifyWebhook(headers, `${body} `, current, { now })).toThrow();
  });
});
