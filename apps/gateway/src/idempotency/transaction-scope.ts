import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';

/**
 * A pool whose `query` joins the current transaction while one is open in this async context, so code written
 * against a pool (the gateway repository) can take part in a transaction it does not know about: the insert of an API
 * key and the record of its Idempotency-Key commit together. Outside `run`, or once it ended, it is the plain pool.
 */
export class TransactionScope {
  private readonly current = new AsyncLocalStorage<{ client: PoolClient; open: boolean }>();
  readonly pool: Pool;

  constructor(base: Pool) {
    this.pool = new Proxy(base, {
      get: (target, prop) => {
        if (prop === 'query') {
          return (...args: unknown[]) => {
            const tx = this.current.getStore();
            const q = tx?.open ? tx.client : target;
            return (q.query as (...a: unknown[]) => unknown).apply(q, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Runs `fn` with the pool's queries on `client` (where the caller opened the transaction). */
  async run<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
    const tx = { client, open: true };
    try {
      return await this.current.run(tx, fn);
    } finally {
      // Timers or callbacks started inside keep the context: they must not use a client that went back to the pool.
      tx.open = false;
    }
  }
}
