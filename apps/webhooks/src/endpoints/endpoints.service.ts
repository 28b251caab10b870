import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError, newId, sameJson, UpdateWebhookBody, writableFields, type CreateWebhookBody, type FieldError, type ListWebhooksQuery, type Page,
  type RequestContext, type RotateWebhookSecretBody, type WebhookEndpoint, type WebhookEndpointDeleted, type WebhookEndpointWithSecret,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { cursorKind, idKeysetPage } from '@influgentic/persistence';
import { generateWebhookSecret } from '@influgentic/webhook-signature';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { EndpointHealthRepository } from '../deliveries/endpoint-health.repository';
import { SecretBox } from '../secrets/secret-box';
import { allowPrivateTargets } from '../security/address-policy';
import {
  checkedWebhookUrl, endpointNotFound, eventListErrors, parseWebhookUrl, previousSecretExpiry, secretErrors, targetErrors,
  toWebhookEndpoint, type EndpointsConfig,
} from './endpoints.policy';
import { EndpointsRepository, type EndpointChanges, type EndpointFilter } from './endpoints.repository';

export const ENDPOINTS_CONFIG = Symbol('ENDPOINTS_CONFIG');

/** Why an endpoint is disabled when its owner disables it (the delivery side writes its own reasons). */
export const MANUAL_DISABLE_REASON = 'disabled through the API';

/**
 * Webhook endpoints: where an organization's events go, and the secret they are signed with. The secret is shown in
 * the answers of create and rotate-secret only and kept sealed; every URL is judged by the address policy when it is
 * set (and again by the delivery side at connect time of every attempt).
 */
@Injectable()
export class EndpointsService {
  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly box: SecretBox,
    private readonly health: EndpointHealthRepository,
    private readonly deliveries: DeliveriesRepository,
    @Inject(ENDPOINTS_CONFIG) private readonly config: EndpointsConfig,
  ) {}

  /**
   * The record an Idempotency-Key keeps holds `secret: null`, so no clear secret is ever at rest: a replay answers
   * the same endpoint without it (rotate the secret to get a new one).
   */
  async create(ctx: RequestContext, body: CreateWebhookBody, commit: Commit): Promise<WebhookEndpointWithSecret> {
    const errors: FieldError[] = [...eventListErrors(body.events), ...secretErrors(body.secret)];
    const { url, errors: urlErrors } = parseWebhookUrl(body.url);
    errors.push(...urlErrors);
    if (url) errors.push(...await targetErrors(url, allowPrivateTargets()));
    if (errors.length || !url) throw DomainError.validation(errors);

    const secret = body.secret ?? generateWebhookSecret();
    const stored = await commit(async (m) => {
      const existing = await this.endpoints.lockAndCount(m, ctx.organizationId, ctx.livemode);
      if (existing >= this.config.maxEndpoints) {
        throw new DomainError('conflict', `An organization may keep at most ${this.config.maxEndpoints} webhook endpoints in each mode`, [
          { field: 'url', code: 'limit_reached', message: `delete an endpoint first (limit ${this.config.maxEndpoints})` },
        ]);
      }
      const row = await this.endpoints.insert(m, {
        id: newId('webhook'), organization_id: ctx.organizationId, livemode: ctx.livemode, url: url.toString(),
        description: body.description?.trim() || null, events: body.events, secret_ciphertext: this.box.seal(secret),
        rate_limit_per_minute: body.rate_limit_per_minute ?? null,
      });
      return { ...toWebhookEndpoint(row), secret: null };
    });
    return { ...stored, secret };
  }

  async list(ctx: RequestContext, query: ListWebhooksQuery): Promise<Page<WebhookEndpoint>> {
    const limit = query.limit ?? 20;
    const filter: EndpointFilter = { status: query.status };
    // The cursor remembers its filter and the total, so later pages cost one indexed query.
    const kind = cursorKind('webhook_endpoints', filter);
    const page = await idKeysetPage({
      kind, cursor: query.cursor, limit,
      page: (after) => this.endpoints.page(ctx.organizationId, ctx.livemode, filter, limit, after),
      count: () => this.endpoints.count(ctx.organizationId, ctx.livemode, filter),
    });
    return { data: page.rows.map((r) => toWebhookEndpoint(r)), meta: { total: page.total, limit, next_cursor: page.nextCursor } };
  }

  async get(ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
    const row = await this.endpoints.findVisible(ctx.organizationId, ctx.livemode, id);
    if (!row) throw endpointNotFound(id);
    return toWebhookEndpoint(row);
  }

  /**
   * Merge-patch. A new URL is judged like at creation (before the row is locked: a DNS lookup must not hold it);
   * `status: enabled` on a disabled endpoint clears its reason and the delivery side's failure streak and circuit.
   */
  async update(ctx: RequestContext, id: string, patch: UpdateWebhookBody): Promise<WebhookEndpoint> {
    const current = await this.endpoints.findVisible(ctx.organizationId, ctx.livemode, id);
    if (!current) throw endpointNotFound(id);
    const changes = writableFields(UpdateWebhookBody, patch, toWebhookEndpoint(current) as unknown as Record<string, unknown>);
    const errors: FieldError[] = [];
    for (const field of ['url', 'events', 'status'] as const) {
      if (changes[field] === null) errors.push({ field, code: 'required', message: 'cannot be null' });
    }
    if (changes.events) errors.push(...eventListErrors(changes.events));
    if (errors.length) throw DomainError.validation(errors);
    const url = typeof changes.url === 'string' && changes.url !== current.url ? await checkedWebhookUrl(changes.url, allowPrivateTargets()) : undefined;

    return this.endpoints.transaction(async (m) => {
      const row = await this.endpoints.lockVisible(m, ctx.organizationId, ctx.livemode, id);
      if (!row) throw endpointNotFound(id);
      // Only what differs is written: sending back what GET returned changes nothing, not even updated_at.
      const set: EndpointChanges = {};
      if (url !== undefined && url !== row.url) set.url = url;
      if (changes.events && !sameJson(changes.events, row.events)) set.events = changes.events;
      const description = changes.description === undefined ? undefined : changes.description?.trim() || null;
      if (description !== undefined && description !== row.description) set.description = description;
      const rate = changes.rate_limit_per_minute;
      if (rate !== undefined && rate !== row.rate_limit_per_minute) set.rate_limit_per_minute = rate;
      if (changes.status === 'enabled' && row.status === 'disabled') {
        Object.assign(set, { status: 'enabled', disabled_reason: null, disabled_at: null });
        await this.health.reset(row.id, m);
      } else if (changes.status === 'disabled' && row.status === 'enabled') {
        Object.assign(set, { status: 'disabled', disabled_reason: MANUAL_DISABLE_REASON, disabled_at: new Date() });
      }
      if (!Object.keys(set).length) return toWebhookEndpoint(row);
      return toWebhookEndpoint(await this.endpoints.update(m, row.id, set));
    });
  }

  /** Soft deletion: gone for every later read and delivery. A repeated DELETE answers like the first. */
  async remove(ctx: RequestContext, id: string): Promise<WebhookEndpointDeleted> {
    const deleted = { id, deleted: true as const };
    if (await this.endpoints.wasDeleted(ctx.organizationId, ctx.livemode, id)) return deleted;
    return this.endpoints.transaction(async (m) => {
      const row = await this.endpoints.lockVisible(m, ctx.organizationId, ctx.livemode, id);
      if (!row) {
        // A concurrent DELETE may have won the row lock: its answer is this one too.
        if (await this.endpoints.wasDeleted(ctx.organizationId, ctx.livemode, id)) return deleted;
        throw endpointNotFound(id);
      }
      await this.endpoints.update(m, row.id, { deleted_at: new Date() });
      // Nothing waits for an endpoint that no longer exists (what is in flight records its own outcome).
      await this.deliveries.failPending(m, row.id, 'endpoint_deleted');
      return deleted;
    });
  }

  /**
   * A new secret signs from now on; the one it replaces keeps signing beside it until the overlap ends, so receivers
   * can switch without losing a delivery. A second rotation inside the window keeps only the newest previous secret.
   */
  async rotateSecret(ctx: RequestContext, id: string, body: RotateWebhookSecretBody, commit: Commit): Promise<WebhookEndpointWithSecret> {
    const errors = secretErrors(body.secret);
    if (errors.length) throw DomainError.validation(errors);
    const secret = body.secret ?? generateWebhookSecret();
    const stored = await commit(async (m) => {
      const row = await this.endpoints.lockVisible(m, ctx.organizationId, ctx.livemode, id);
      if (!row) throw endpointNotFound(id);
      const updated = await this.endpoints.update(m, row.id, {
        secret_ciphertext: this.box.seal(secret),
        previous_secret_ciphertext: row.secret_ciphertext,
        previous_secret_expires_at: previousSecretExpiry(new Date(), this.config.rotationOverlapMs),
      });
      return { ...toWebhookEndpoint(updated), secret: null };
    });
    return { ...stored, secret };
  }
}
