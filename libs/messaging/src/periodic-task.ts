import type { Logger } from 'pino';

/**
 * Runs `pass` every `everyMs`, never two passes at once in this process; a failed pass is logged and the next one
 * tries again. The work itself must be safe across replicas (claim rows with SKIP LOCKED), this only paces it.
 */
export class PeriodicTask<T = unknown> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T | undefined>;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly pass: () => Promise<T>,
    private readonly log: Logger,
  ) {}

  start(runNow = true): void {
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    if (runNow) void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs one pass unless one is already running. */
  async tick(): Promise<T | undefined> {
    if (this.running) return undefined;
    this.running = this.pass().catch((err) => {
      this.log.warn({ err: String(err), task: this.name }, 'periodic pass failed');
      return undefined;
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }
}
