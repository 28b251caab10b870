import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { AdvisoryKeyLocks } from '@influgentic/messaging';
import { databaseUrl } from '@influgentic/persistence';

/** A TCP relay in front of the real Postgres that can hold every byte back (a partition, a frozen server). */
class PausableRelay {
  private server?: Server;
  private readonly sockets: Socket[] = [];
  private paused = false;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.push(client, upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      for (const [a, b] of [[client, upstream], [upstream, client]]) {
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
      }
      if (this.paused) { client.pause(); upstream.pause(); }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    for (const s of this.sockets) if (paused) s.pause(); else s.resume();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

describe('Idempotency-Key locks when the database stops answering (real Postgres behind a relay)', () => {
  const saved = process.env.DB_QUERY_TIMEOUT_MS;
  let relay: PausableRelay;
  let relayed: AdvisoryKeyLocks;
  let direct: AdvisoryKeyLocks;

  beforeAll(async () => {
    process.env.DB_QUERY_TIMEOUT_MS = '1000';
    const url = new URL(databaseUrl());
    relay = new PausableRelay({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await relay.start());
    const namespace = `locks-outage-${process.pid}-${Date.now()}`;
    relayed = new AdvisoryKeyLocks(namespace, () => url.toString());
    direct = new AdvisoryKeyLocks(namespace);
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env.DB_QUERY_TIMEOUT_MS; else process.env.DB_QUERY_TIMEOUT_MS = saved;
    relay.setPaused(false);
    await relayed?.close();
    await direct?.close();
    await relay?.stop();
  });

  it('answers "unavailable" in bounded time, and a lock granted after the caller gave up does not keep the key locked', async () => {
    const warm = await relayed.tryLock('warm-up');
    await warm!();
    relay.setPaused(true);
    const started = Date.now();
    const attempt = relayed.tryLock('key-1').then(() => 'locked', (err: { code?: string }) => err.code ?? 'error');
    const outcome = await Promise.race([attempt, new Promise((r) => setTimeout(() => r('still waiting'), 5000).unref())]);
    expect(outcome).toBe('service_unavailable');
    expect(Date.now() - started).toBeLessThan(5000);
    // The partition ends: the server answers the lock request the caller no longer waits for.
    relay.setPaused(false);
    let free: (() => Promise<void>) | null = null;
    for (let i = 0; i < 20 && !free; i++) {
      free = await direct.tryLock('key-1');
      if (!free) await new Promise((r) => setTimeout(r, 250));
    }
    expect(free).not.toBeNull();
    await free!();
  }, 20_000);
});
