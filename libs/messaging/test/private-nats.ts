import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';

export function natsBinary(): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/bin'])) {
    const candidate = join(dir, 'nats-server');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('nats-server binary not found (npm test installs or finds it; see scripts/infra/)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A nats-server of a test's own, which the test may stop and start again: JetStream's store lives in `dir` and is
 * kept between starts, so a restart behaves like a real outage.
 */
export class PrivateNats {
  private proc?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'influgentic-nats-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** `extraConfig` is appended to the server's config file; `probe` must succeed once the server accepts clients. */
  protected async launch(extraConfig = '', probe: () => Promise<void> = () => this.anonymousProbe()): Promise<void> {
    const conf = join(this.dir, 'nats.conf');
    writeFileSync(conf, `listen: 127.0.0.1:${this.port}\njetstream { store_dir: ${JSON.stringify(join(this.dir, 'js'))} }\n${extraConfig}\n`);
    this.proc = spawn(natsBinary(), ['-c', conf], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await probe();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('nats-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    this.proc = undefined;
  }

  private async anonymousProbe(): Promise<void> {
    const nc = await connect({ servers: this.url, reconnect: false });
    await nc.close();
  }
}
