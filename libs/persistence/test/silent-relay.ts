import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the real Postgres that can go silent: connections stay open but nothing passes, as when
 * the database is cut off by the network or frozen (no reset, no refusal). Nothing may then wait forever.
 */
export class SilentableRelay {
  private server?: Server;
  private readonly pairs: Array<[Socket, Socket]> = [];
  private silentNow = false;

  /** While silent, bytes are held back (as TCP does across a partition) and delivered once it ends. */
  get silent(): boolean { return this.silentNow; }
  set silent(value: boolean) {
    this.silentNow = value;
    for (const pair of this.pairs) for (const socket of pair) if (value) socket.pause(); else socket.resume();
  }

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      this.pairs.push([client, upstream]);
      client.pipe(upstream);
      upstream.pipe(client);
      if (this.silentNow) { client.pause(); upstream.pause(); }
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const [a, b] of this.pairs) { a.destroy(); b.destroy(); }
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

