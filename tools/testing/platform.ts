import { randomBytes } from 'node:crypto';
import type { INestMicroservice, Type } from '@nestjs/common';
import type { ServiceName } from '@influgentic/contracts';
import { startServiceApp } from '@influgentic/messaging';
import { loadGatewayConfig } from '../../apps/gateway/src/config';
import { createGateway, type GatewayHandle } from '../../apps/gateway/src/gateway.app';

export interface Platform {
  url: string;
  token: string;
  gateway: GatewayHandle;
  services: Map<ServiceName, INestMicroservice>;
  /** Stops one service (to test what happens while it is down). */
  stopService: (name: ServiceName) => Promise<void>;
  startService: (name: ServiceName) => Promise<void>;
  close: () => Promise<void>;
}

const MODULES: Record<ServiceName, () => Type<unknown>> = {
  registry: () => require('../../apps/registry/src/app.module').RegistryModule,
  campaigns: () => require('../../apps/campaigns/src/app.module').CampaignsModule,
  content: () => require('../../apps/content/src/app.module').ContentModule,
  analytics: () => require('../../apps/analytics/src/app.module').AnalyticsModule,
  webhooks: () => require('../../apps/webhooks/src/app.module').WebhooksModule,
};

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * Boots the gateway and the named services in this process, against the real Postgres and NATS the test run
 * was given (DATABASE_URL, NATS_URL, and a per-run subject namespace).
 */
export async function startPlatform(services: ServiceName[], env: Record<string, string> = {}): Promise<Platform> {
  if (services.includes('registry')) await seedTestCatalog();
  const running = new Map<ServiceName, INestMicroservice>();
  const start = async (name: ServiceName) => {
    running.set(name, await startServiceApp(MODULES[name](), name));
  };
  for (const name of services) await start(name);
  const config = loadGatewayConfig({
    ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: process.env.TEST_DATA_DIR ?? '.data/test', RPC_TIMEOUT_MS: '3000',
    INFLUGENTIC_ADMIN_TOKEN: TEST_ADMIN_TOKEN, KEY_CACHE_MS: '2000',
    // Suites share one database and one client address: each platform counts failed credentials on its own.
    RATE_LIMIT_NAMESPACE: `t${randomBytes(4).toString('hex')}:`, ...env,
  });
  const gateway = await createGateway(config);
  return {
    url: gateway.url,
    token: gateway.bootstrapToken,
    gateway,
    services: running,
    stopService: async (name) => {
      await running.get(name)?.close();
      running.delete(name);
    },
    startService: start,
    close: async () => {
      await gateway.close();
      for (const app of running.values()) await app.close();
    },
  };
}

export interface ApiResponse<T = any> { status: number; headers: Headers; body: T }

/** A small HTTP client for tests: JSON in, JSON (or text) out, the key in Authorization. */
export function apiClient(base: string, token?: string) {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Reads every event of `type` currently in the run's EVENTS stream (an ephemeral ordered consumer). */
export async function readEvents<T = Record<string, unknown>>(type: string): Promise<Array<import('@influgentic/contracts').DomainEvent<T>>> {
  const { connectNats } = await import('@influgentic/messaging');
  const { EVENTS_STREAM, eventSubject } = await import('@influgentic/contracts');
  const nc = await connectNats('test-reader');
  try {
    const consumer = await nc.jetstream().consumers.get(EVENTS_STREAM, { filterSubjects: eventSubject(type) });
    const out: Array<import('@influgentic/contracts').DomainEvent<T>> = [];
    for (;;) {
      const msg = await consumer.next({ expires: 1000 });
      if (!msg) break;
      out.push(JSON.parse(msg.string()));
    }
    return out;
  } finally {
    await nc.close();
  }
}

/** Seeds the default catalog once per test database. */
export async function seedTestCatalog(count = 2400): Promise<void> {
  const { openServiceDatabase } = await import('@influgentic/persistence');
  const { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } = await import('../../apps/registry/src/app.module');
  const { seedCatalog } = await import('../../apps/registry/src/catalog/catalog-seeder');
  const ds = await openServiceDatabase({ schema: 'registry', entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS, poolSize: 1 });
  try {
    await seedCatalog(ds, count, { ifEmpty: true });
  } finally {
    await ds.destroy();
  }
}
