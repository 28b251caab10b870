import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '@influgentic/persistence';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { EventPublisher, Receiver } from './deliveries-receivers';

const ROOT = join(__dirname, '..', '..', '..');
const EVENTS = 1000;

/**
 * At-least-once through crashes: the webhooks service runs as a real child process (as `npm start` runs it) and is
 * killed with SIGKILL twice while 1,000 events flow — no shutdown hook runs, leases and unacked bus messages are
 * simply abandoned. Every event must still reach the receiver, and a duplicate may only be a redelivery of the same
 * delivery (same `webhook-id`).
 */
describe('webhook delivery through SIGKILL of the webhooks service (child process, real Postgres and NATS)', () => {
  const saved = { ...process.env };
  const logs: string[] = [];
  let child: ChildProcess | undefined;
  let platform: Platform;
  let receiver: Receiver;
  let bus: EventPublisher;
  let db: Client;

  const childEnv = {
    ...process.env,
    WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64'),
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    // Compressed so abandoned work comes back within the test: claims expire after 3 s, unacked events after 3 s.
    WEBHOOKS_ATTEMPT_TIMEOUT_MS: '1000',
    WEBHOOKS_LEASE_MS: '3000',
    WEBHOOKS_CONSUMER_ACK_WAIT_MS: '3000',
    WEBHOOKS_RETRY_SCHEDULE_MS: '200,400,800,800,800,800,800',
    WEBHOOKS_ENDPOINT_CONCURRENCY: '16',
    WEBHOOKS_POLL_MS: '100',
    LOG_LEVEL: 'warn',
  };

  function startService(): ChildProcess {
    const proc = spawn(process.execPath, ['scripts/run-ts.js', 'apps/webhooks/src/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => { logs.push(chunk.toString()); if (logs.length > 200) logs.shift(); };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    return proc;
  }

  async function kill(proc: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(signal);
    await exited;
  }

  /** Publishes `count` events, 50 at a time (each acknowledged by JetStream before the next 50 go). */
  async function publishWave(orgId: string, count: number, sent: string[]): Promise<void> {
    for (let done = 0; done < count; done += 50) {
      const batch = Array.from({ length: Math.min(50, count - done) }, (_, i) => bus.publish(orgId, 'lead.captured', { n: sent.length + i }));
      sent.push(...(await Promise.all(batch)).map((e) => e.id));
    }
  }

  /** Distinct events the receiver has seen. */
  const seenEvents = () => new Set(receiver.events().map((e) => e.id)).size;

  beforeAll(async () => {
    Object.assign(process.env, { WEBHOOKS_ALLOW_PRIVATE: 'true' });
    platform = await startPlatform([]);
    receiver = await new Receiver().listen();
    bus = await EventPublisher.connect();
    db = new Client({ connectionString: databaseUrl() });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await kill(child, 'SIGKILL');
    await bus?.close();
    await db?.end();
    await receiver?.close();
    await platform?.close();
    process.env = saved;
  });

  it('delivers every one of 1,000 events at least once across two SIGKILLs, duplicates only under the same webhook-id', async () => {
    child = startService();
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: `Faults ${randomBytes(3).toString('hex')}`, plan: 'enterprise' });
    expect(org.status).toBe(201);
    const call = apiClient(platform.url, org.body.api_key.token);
    // The service answers once it has migrated and joined the bus.
    const created = await waitFor(async () => {
      const res = await call('POST', '/v1/webhooks', { url: receiver.url(), events: ['*'] });
      return res.status === 201 ? res.body : null;
    }, 30_000, 250).catch((err) => { throw new Error(`${err}\n${logs.join('')}`); });

    const sent: string[] = [];
    await publishWave(org.body.organization.id, 400, sent);
    await waitFor(async () => seenEvents() >= 100, 30_000, 20);
    await kill(child, 'SIGKILL');

    // Events published while the service is dead (and booting again) wait on the bus.
    child = startService();
    await publishWave(org.body.organization.id, 300, sent);
    await waitFor(async () => seenEvents() >= 500, 30_000, 20);
    await kill(child, 'SIGKILL');

    child = startService();
    await publishWave(org.body.organization.id, EVENTS - sent.length, sent);
    await waitFor(async () => seenEvents() >= EVENTS, 40_000, 100).catch((err) => {
      throw new Error(`${err}: ${seenEvents()} of ${EVENTS} events received\n${logs.slice(-20).join('')}`);
    });

    // Every event arrived, and each event's copies all carry one webhook-id (redeliveries, never a second delivery).
    const idsByEvent = new Map<string, Set<string>>();
    for (const r of receiver.received) {
      const eventId = JSON.parse(r.body).id as string;
      if (!idsByEvent.has(eventId)) idsByEvent.set(eventId, new Set());
      idsByEvent.get(eventId)!.add(r.headers['webhook-id']);
    }
    expect(new Set(idsByEvent.keys())).toEqual(new Set(sent));
    expect([...idsByEvent.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(new Set(receiver.ids()).size).toBe(EVENTS);

    // One delivery row per event for the endpoint, every one succeeded once the last attempts were recorded.
    const rows = await waitFor(async () => {
      const { rows: r } = await db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'succeeded')::int AS ok FROM webhooks.deliveries WHERE endpoint_id = $1`, [created.id]);
      return r[0].ok === EVENTS ? r[0] : null;
    }, 15_000);
    expect(rows).toEqual({ n: EVENTS, ok: EVENTS });
  }, 120_000);
});
