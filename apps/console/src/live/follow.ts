// Follows something asynchronous (an agent in training, a job) until it settles: the live event stream wakes it at
// once, and a slower poll covers a missed event or a stream that is down.

export interface FollowOptions<T> {
  /** Reads the current state from the API. */
  load: () => Promise<T>;
  /** True once nothing will change any more (ready, failed, done…). */
  settled: (value: T) => boolean;
  onValue: (value: T) => void;
  onError: (error: unknown) => void;
  /** Registers `wake` with the live stream (called on a relevant event); returns the unsubscribe. */
  subscribe: (wake: () => void) => () => void;
  /** Fallback poll interval. */
  pollMs: number;
}

/** Starts following at once; the returned function stops it (no callback runs afterwards). */
export function follow<T>(options: FollowOptions<T>): () => void {
  let stopped = false;
  let inFlight = false;
  let wokenDuringLoad = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check(), ms);
  };

  const check = async (): Promise<void> => {
    if (stopped) return;
    if (inFlight) {
      // An event arrived while a read was on the wire: read again afterwards, as that read may predate it.
      wokenDuringLoad = true;
      return;
    }
    inFlight = true;
    let done = false;
    try {
      const value = await options.load();
      if (stopped) return;
      options.onValue(value);
      done = options.settled(value);
    } catch (error) {
      if (!stopped) options.onError(error);
    } finally {
      inFlight = false;
    }
    if (stopped) return;
    if (done) {
      stop();
    } else if (wokenDuringLoad) {
      wokenDuringLoad = false;
      schedule(0);
    } else {
      schedule(options.pollMs);
    }
  };

  const unsubscribe = options.subscribe(() => void check());
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
  void check();
  return stop;
}
