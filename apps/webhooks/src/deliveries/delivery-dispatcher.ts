import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { SERVICE_LOGGER } from '@influgentic/messaging';
import { databaseTimeouts, databaseUrl, pgTimeoutSettings } from '@influgentic/persistence';
import { signingSecrets } from '../endpoints/signing-secrets';
import { allowPrivateTargets } from '../security/address-policy';
import { SecretBox } from '../secrets/secret-box';
import { DELIVERIES_CHANNEL, DeliveriesRepository, type ClaimedDelivery } from './deliveries.repository';
import { DeliveryRecorder } from './delivery-recorder';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { HttpSender, type SendResult } from './http-sender';
import { webhookHeaders } from './webhook-message';

/**
 * Sends due deliveries. Any number of replicas run one each: work is leased from Postgres (deliveries.repository.ts
 * `claim`), so a crashed replica's deliveries come back when their lease expires and are sent again — receivers
 * dedupe by `webhook-id`. Woken by NOTIFY when deliveries become due, by each finished attempt, and by a slow poll
 * (retries that come due, missed notifications). Attempts run concurrently up to `concurrency`; per endpoint the
 * claim bounds them, so a slow or dead receiver holds only its own few slots.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly sender: HttpSender;
  private readonly inFlight = new Map<string, Promise<void>>();
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private pumping = false;
  private again = false;
  private stopping = false;
  private started = false;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly recorder: DeliveryRecorder,
    private readonly box: SecretBox,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {
    this.sender = new HttpSender({ timeoutMs: settings.attemptTimeoutMs, snippetBytes: settings.snippetBytes, allowPrivate: () => allowPrivateTargets() });
  }

  onApplicationBootstrap(): void {
    if (this.settings.autoStart) this.start();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    void this.listen().catch((err) => this.log.warn({ err: String(err) }, 'deliveries listener unavailable; polling only'));
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.kick();
  }

  /** Looks for due work now; wake-ups during a pass coalesce into one more pass. */
  kick(): void {
    if (this.stopping || !this.started) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch((err) => this.log.warn({ err: String(err) }, 'delivery claim failed; will retry'))
      .finally(() => {
        this.pumping = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Claims while there is room and work; returns how many attempts were started. */
  async pump(): Promise<number> {
    let started = 0;
    for (;;) {
      const room = this.settings.concurrency - this.inFlight.size;
      if (room <= 0 || this.stopping) return started;
      const claimed = await this.deliveries.claim(this.owner, {
        batch: room, endpointConcurrency: this.settings.endpointConcurrency, breakerThreshold: this.settings.breakerThreshold, leaseMs: this.settings.leaseMs,
      });
      for (const delivery of claimed) this.launch(delivery);
      started += claimed.length;
      if (claimed.length < room) return started;
    }
  }

  /** Resolves when no attempt of this process is running. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops claiming and lets running attempts finish (each is bounded by the attempt timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    while (this.pumping) await new Promise((r) => setTimeout(r, 10));
    await this.idle();
    await this.sender.close();
  }

  private launch(delivery: ClaimedDelivery): void {
    const run = this.attempt(delivery)
      .catch((err) => this.log.error({ err: String(err), delivery_id: delivery.id }, 'recording a delivery attempt failed; its lease will expire and it is tried again'))
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.kick();
      });
    this.inFlight.set(delivery.id, run);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    // Disabled or deleted after the claim read it: leave it untried (a disabled endpoint's deliveries wait for it).
    if (delivery.endpoint_status !== 'enabled' || delivery.endpoint_deleted_at) {
      await this.deliveries.release([delivery.id], this.owner);
      return;
    }
    const now = new Date();
    let result: SendResult;
    try {
      const headers = webhookHeaders(delivery, delivery.body, signingSecrets(delivery, this.box, now), now);
      result = await this.sender.send({ url: delivery.url, headers, body: Buffer.from(delivery.body, 'utf8') });
    } catch (err) {
      // Signing failed (a secret sealed with a key no longer configured): nothing was sent; retried like a failure.
      this.log.error({ err: String(err), delivery_id: delivery.id, endpoint_id: delivery.endpoint_id }, 'webhook not sent: signing failed');
      result = {
        startedAt: now, latencyMs: 0, address: null, statusCode: null, snippet: null, location: null, retryAfter: null,
        errorCode: 'signing_failed', errorMessage: 'not sent: the endpoint secret could not be opened',
      };
    }
    const recorded = await this.recorder.record(this.owner, delivery, result);
    if (!recorded) this.log.warn({ delivery_id: delivery.id }, 'delivery lease lost before its attempt was recorded; another worker retries it');
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: databaseUrl(), application_name: 'influgentic-webhooks-dispatcher', ...pgTimeoutSettings(databaseTimeouts()) });
    client.on('notification', () => this.kick());
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      // Reconnect with the next poll's luck; polling covers the gap.
      if (!this.stopping) setTimeout(() => void this.listen().catch(() => undefined), this.settings.pollMs).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${DELIVERIES_CHANNEL}`);
    if (this.stopping) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }
}
