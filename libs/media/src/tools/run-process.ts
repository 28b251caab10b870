import { spawn } from 'node:child_process';

/** How much of a child's stderr is kept for error messages: its end, where tools put the reason they failed. */
export const STDERR_TAIL_BYTES = 4096;

export interface RunProcessOptions {
  /** Aborting kills the child (SIGKILL) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Kills the child and rejects with a `ProcessFailedError` (`media_process_timeout`) after this long. */
  timeoutMs?: number;
  /** Written to the child's stdin, which is then closed. Without it stdin is closed at once. */
  input?: Buffer | string;
  /** Called with each stdout chunk as it arrives (progress reports). */
  onStdout?: (chunk: Buffer) => void;
  /** Keep stdout in the result; off for tools whose stdout is only progress. Default true. */
  collectStdout?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface RunProcessResult {
  stdout: Buffer;
  /** The last ~4 KiB of stderr, decoded as UTF-8. */
  stderrTail: string;
  durationMs: number;
}

export type ProcessFailureCode = 'media_process_failed' | 'media_process_timeout';

/** A child that could not start, exited non-zero, died of a signal or ran out of time. */
export class ProcessFailedError extends Error {
  override readonly name = 'ProcessFailedError';
  constructor(
    readonly code: ProcessFailureCode,
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly exitSignal: NodeJS.Signals | null,
    readonly stderrTail: string,
  ) {
    super(message);
  }
}

/** Keeps only the last `limit` bytes written to it. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.limit) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Runs a program with arguments (never through a shell) and resolves with its stdout once it exits with status 0.
 * Rejects with a `ProcessFailedError` carrying the end of stderr otherwise; the child is always gone when the promise
 * settles, so callers may remove its files right away.
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions = {}): Promise<RunProcessResult> {
  const { signal, timeoutMs, input, onStdout, collectStdout = true, env, cwd } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  return new Promise<RunProcessResult>((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn(command, [...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const stdout: Buffer[] = [];
    const stderr = new TailBuffer(STDERR_TAIL_BYTES);
    let stopReason: { kind: 'abort' } | { kind: 'timeout' } | undefined;
    let spawnError: Error | undefined;

    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const onAbort = () => {
      stopReason ??= { kind: 'abort' };
      kill();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeoutMs !== undefined
        ? setTimeout(() => {
            stopReason ??= { kind: 'timeout' };
            kill();
          }, timeoutMs)
        : undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      if (collectStdout) stdout.push(chunk);
      onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A child that exits without reading its input closes the pipe under us; its exit status tells what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);

    child.once('error', (err) => {
      spawnError = err;
    });
    // 'close' comes after 'exit' and after the output streams ended, so nothing is lost and the child is gone.
    child.once('close', (exitCode, exitSignal) => {
      signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      const stderrTail = stderr.toString();
      const name = command.split('/').pop() ?? command;
      if (stopReason?.kind === 'abort') return reject(abortReason(signal!));
      if (stopReason?.kind === 'timeout') {
        return reject(
          new ProcessFailedError('media_process_timeout', `${name} did not finish within ${timeoutMs} ms`, command, exitCode, exitSignal, stderrTail),
        );
      }
      if (spawnError) {
        return reject(new ProcessFailedError('media_process_failed', `${name} could not start: ${spawnError.message}`, command, null, null, ''));
      }
      if (exitCode !== 0) {
        const how = exitSignal ? `was killed by ${exitSignal}` : `exited with status ${exitCode}`;
        const detail = stderrTail.trim() ? `: ${stderrTail.trim()}` : '';
        return reject(new ProcessFailedError('media_process_failed', `${name} ${how}${detail}`, command, exitCode, exitSignal, stderrTail));
      }
      resolve({ stdout: Buffer.concat(stdout), stderrTail, durationMs: Date.now() - startedAt });
    });
  });
}
