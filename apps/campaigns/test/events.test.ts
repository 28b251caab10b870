import { EVENTS_STREAM, eventSubject, type DomainEvent } from '@influgentic/contracts';
import { connectNats, OutboxRelay } from '@influgentic/messaging';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS } from '../src/app.module';

interface OnStream { subject: string; msgId: string | undefined; event: DomainEvent }

/** Every campaign event on the run's stream (with subject and Nats-Msg-Id), read by an ephemeral ordered consumer. */
async function campaignEventsOnStream(): Promise<OnStream[]> {
  const nc = await connectNats('campaigns-events-test');
  try {
    const consumer = await nc.jetstream().consumers.get(EVENTS_STREAM, { filterSubjects: eventSubject('campaign.>') });
    const out: OnStream[] = [];
    for (;;) {
      const msg = await consumer.next({ expires: 1000 });
      if (!msg) break;
      out.push({ subject: msg.subject, msgId: msg.headers?.get('Nats-Msg-Id'), event: JSON.parse(msg.string()) });
    }
    return out;
  } finally {
    await nc.close();
  }
}

describe('campaign events through the outbox onto JetStream', () => {
  let platform: Platform;
  let call: ReturnType<typeof apiClient>;
  let db: DataSource;
  let orgId: string;

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns']);
    const org = await apiClient(platform.url, TEST_ADMIN_TOKEN)('POST', '/admin/v1/organizations', { name: 'Events org', plan: 'enterprise' });
    call = apiClient(platform.url, org.body.api_key.token);
    orgId = org.body.organization.id;
    db = await openServiceDatabase({ schema: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS, poolSize: 2 });
  });

  afterAll(async () => {
    await db?.destroy();
    await platform?.close();
  });

  const outboxFor = (campaignId: string): Promise<Array<{ id: string; type: string; payload: DomainEvent; published_at: Date | null }>> =>
    db.query(`SELECT id, type, payload, published_at FROM campaigns.outbox WHERE payload->'data'->>'id' = $1 ORDER BY created_at, id`, [campaignId]);

  it('publishes each event exactly as written in the outbox, on evt.<type>, with Nats-Msg-Id = event id', async () => {
    const created = await call('POST', '/v1/campaigns', { agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'Lead machine', budget_usd: 250.75, product: { name: 'EV test drive' } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call('POST', `/v1/campaigns/${id}/pause`)).status).toBe(200);
    expect((await call('POST', `/v1/campaigns/${id}/resume`)).status).toBe(200);
    expect((await call('POST', `/v1/campaigns/${id}/cancel`)).status).toBe(200);

    const written = await waitFor(async () => {
      const rows = await outboxFor(id);
      return rows.length === 5 && rows.every((r) => r.published_at) ? rows : null;
    });
    expect(written.map((r) => r.type).sort()).toEqual(['campaign.cancelled', 'campaign.created', 'campaign.paused', 'campaign.resumed', 'campaign.started']);

    const onStream = (await campaignEventsOnStream()).filter((m) => (m.event.data as { id?: string }).id === id);
    expect(onStream).toHaveLength(5);
    for (const row of written) {
      const match = onStream.filter((m) => m.event.id === row.id);
      expect(match).toHaveLength(1);
      expect(match[0].event).toEqual(row.payload);
      expect(match[0].msgId).toBe(row.id);
      expect(match[0].subject).toBe(eventSubject(row.type));
      expect(match[0].event.data).toMatchObject({ id, agent_id: 'agent_velo_automotive', type: 'lead_gen', budget_usd: 250.75 });
      expect(match[0].event.organization_id).toBe(orgId);
      expect(match[0].event.livemode).toBe(true);
    }
    const cancelled = onStream.find((m) => m.event.type === 'campaign.cancelled')!;
    expect(cancelled.event.data).toMatchObject({ status: 'cancelled' });
  });

  it('loses no event while the relay is down, and a re-publish after a crash is deduplicated', async () => {
    const relay = platform.services.get('campaigns')!.get(OutboxRelay);
    await relay.stop();
    const created = await call('POST', '/v1/campaigns', { agent_id: 'agent_velo_automotive', type: 'review', name: 'While the relay sleeps' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Committed with the campaign, not yet published.
    const pending = await outboxFor(id);
    expect(pending).toHaveLength(2);
    expect(pending.every((r) => r.published_at === null)).toBe(true);
    expect((await campaignEventsOnStream()).filter((m) => (m.event.data as { id?: string }).id === id)).toEqual([]);

    await relay.start();
    await waitFor(async () => (await outboxFor(id)).every((r) => r.published_at));
    // A relay that crashed after publishing but before recording it publishes again: JetStream drops the duplicate.
    await db.query(`UPDATE campaigns.outbox SET published_at = NULL WHERE payload->'data'->>'id' = $1`, [id]);
    relay.kick();
    await waitFor(async () => (await outboxFor(id)).every((r) => r.published_at));
    const onStream = (await campaignEventsOnStream()).filter((m) => (m.event.data as { id?: string }).id === id);
    expect(onStream.map((m) => m.event.type).sort()).toEqual(['campaign.created', 'campaign.started']);
  });
});
