import { SingleBar } from 'cli-progress';
import type { Output } from './output';

export interface ProgressSnapshot {
  /** 0..100 */
  progress: number;
  /** A final state: the loop stops. */
  finished: boolean;
  /** What the bar shows beside the percentage (a step, a count). */
  label: string;
}

export interface FollowOptions<T> {
  poll: () => Promise<T>;
  snapshot: (value: T) => ProgressSnapshot;
  out: Output;
  signal: AbortSignal;
  intervalMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(done, ms);
  function done() {
    clearTimeout(timer);
    signal.removeEventListener('abort', done);
    resolve();
  }
  signal.addEventListener('abort', done, { once: true });
});

/**
 * Polls until the value reaches a final state, showing a progress bar on a terminal (stderr), or a line per change
 * of progress when stderr is a pipe (none with `--json`). Returns the final value; Ctrl-C rejects with an AbortError.
 */
export async function followProgress<T>(options: FollowOptions<T>): Promise<T> {
  const { out, signal } = options;
  const onTerminal = out.stderr.isTTY === true && !out.json;
  const bar = onTerminal
    ? new SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | {label}', hideCursor: true, clearOnComplete: false, barsize: 30 })
    : undefined;
  let lastReported = -1;
  let started = false;
  try {
    for (;;) {
      const value = await options.poll();
      const snap = options.snapshot(value);
      const progress = Math.max(0, Math.min(100, Math.round(snap.progress)));
      if (bar) {
        if (!started) bar.start(100, progress, { label: snap.label });
        else bar.update(progress, { label: snap.label });
        started = true;
      } else if (!out.json && progress !== lastReported) {
        out.info(`${String(progress).padStart(3)}% ${snap.label}`);
      }
      lastReported = progress;
      if (snap.finished) return value;
      if (signal.aborted) break;
      await sleep(options.intervalMs ?? 500, signal);
      if (signal.aborted) break;
    }
  } finally {
    bar?.stop();
  }
  throw Object.assign(new Error('Interrupted'), { name: 'AbortError' });
}
