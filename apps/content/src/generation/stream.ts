import { GenerationError, type GeneratedContent, type GenerationUsage, type TextStream } from './types';

export interface StreamOutcome {
  usage: GenerationUsage;
  result: GeneratedContent;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may ever read `usage` (e.g. the client went away); that must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Wraps a generator of text chunks into a TextStream: iterate once for the chunks, then read `usage` and `result`.
 * Stopping the iteration early (a client disconnect) rejects both with an `aborted` GenerationError.
 */
export function createTextStream(run: () => AsyncGenerator<string, StreamOutcome, undefined>): TextStream {
  const usage = deferred<GenerationUsage>();
  const result = deferred<GeneratedContent>();
  let started = false;
  return {
    usage: usage.promise,
    result: result.promise,
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('A generation stream can only be read once');
      started = true;
      let settled = false;
      try {
        const gen = run();
        while (true) {
          const step = await gen.next();
          if (step.done) {
            usage.resolve(step.value.usage);
            result.resolve(step.value.result);
            settled = true;
            return;
          }
          yield step.value;
        }
      } catch (error) {
        usage.reject(error);
        result.reject(error);
        settled = true;
        throw error;
      } finally {
        if (!settled) {
          const stopped = new GenerationError('aborted', 'The stream was closed before generation finished');
          usage.reject(stopped);
          result.reject(stopped);
        }
      }
    },
  };
}

/** Throws the right error when a caller's signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const reason = signal.reason;
    if (reason instanceof GenerationError) throw reason;
    const timeout = reason instanceof Error && reason.name === 'TimeoutError';
    throw new GenerationError(timeout ? 'timeout' : 'aborted', timeout ? 'Generation timed out' : 'Generation was cancelled', undefined, { cause: reason });
  }
}

/**
 * Starts a stream's generation now — its first chunk is asked for at once — so that a model's time to first token
 * overlaps whatever the caller still has to do; it is then read like any stream. To drop it unread, abort the signal
 * it was made with (the pending first chunk then fails quietly).
 */
export function startedEarly(stream: TextStream): TextStream {
  const it = stream[Symbol.asyncIterator]();
  const first = it.next();
  first.catch(() => undefined);
  let read = false;
  return {
    usage: stream.usage,
    result: stream.result,
    async *[Symbol.asyncIterator]() {
      if (read) throw new Error('A generation stream can only be read once');
      read = true;
      let done = false;
      try {
        for (let step = await first; !step.done; step = await it.next()) yield step.value;
        done = true;
      } finally {
        // A reader that stops early stops the generation too.
        if (!done) await it.return?.(undefined as never).catch(() => undefined);
      }
    },
  };
}
