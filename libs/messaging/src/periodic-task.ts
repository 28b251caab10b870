import type { Logger } from 'pino';
import { isIdleResult, withPassSpan } from '@influgentic/observability';

export interface PeriodicTaskOptions<T> {
  /**
   * Whether a pass's result means it found nothing to do; such a pass's trace is not exported. Defaults to nothing,
   * false, zero, an empty list, or an object of such values.
   */
  isIdle?(result: T): boolean;
}

/**
 * Runs `pass` every `everyMs`, never two passes at once in this process; a failed pass is logged and the next one
 * tries again. The work itself must be safe across replicas (claim rows with SKIP LOCKED), this only paces it.
 * Each pass is the root of a short trace of its own (`pass <name>`), exported only when the pass did something.
 */
export class PeriodicTask<T = unknown> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T | undefined>;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly pass: () => Promise<T>,
    private readonly log: Logger,
    private readonly options: PeriodicTaskOptions<T> = {},
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
    this.running = withPassSpan(`pass ${this.name}`, () => this.pass(), (result) => this.foundNothing(result)).catch((err) => {
      this.log.warn({ err: String(err), task: this.name }, 'periodic pass failed');
      return undefined;
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private foundNothing(result: T): boolean {
    return this.options.isIdle ? this.options.isIdle(result) : isIdleResult(result);
  }
}
