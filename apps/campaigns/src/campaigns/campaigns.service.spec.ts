import { DomainError, type CreateCampaignBody, type RequestContext, type ResolvedAgent } from '@influgentic/contracts';
import type { OutboxWriter } from '@influgentic/messaging';
import type { AgentDirectory } from '../registry/agent-directory';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { ZeroPerformanceSource } from './performance';

const ctx: RequestContext = { requestId: 'req_1', organizationId: 'org_a', livemode: true, scopes: [] };

const velo = {
  id: 'agent_velo_automotive', status: 'available', use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de', 'ja', 'zh'],
  pricing: { model: 'per_campaign', base_rate_usd: 249, per_item_usd: 4, included_in_plans: [] },
} as unknown as ResolvedAgent;

/** Just enough of the repository, in memory, to exercise the service's rules. */
function fakeRepository() {
  const rows = new Map<string, CampaignEntity>();
  const owned = (c: RequestContext, id: string) => {
    const row = rows.get(id);
    return row && row.organization_id === c.organizationId && row.livemode === c.livemode ? structuredClone(row) : null;
  };
  const repo = {
    rows,
    transaction: async <T>(fn: (m: unknown) => Promise<T>) => fn({}),
    insert: async (_m: unknown, c: CampaignEntity) => { rows.set(c.id, structuredClone(c)); },
    findOwned: async (c: RequestContext, id: string) => owned(c, id),
    update: async (_m: unknown, id: string, patch: Partial<CampaignEntity>) => { Object.assign(rows.get(id)!, structuredClone(patch)); },
    releaseHolds: async () => ({ released: 0, cents: 0 }),
    page: async () => [...rows.values()],
    count: async () => rows.size,
  };
  return repo;
}

function setup(agent: ResolvedAgent | DomainError = velo) {
  const repo = fakeRepository();
  const events: Array<{ type: string; data: Record<string, unknown> }> = [];
  const outbox = { enqueue: async (_m: unknown, e: { type: string; data: Record<string, unknown> }) => { events.push({ type: e.type, data: e.data }); } } as unknown as OutboxWriter;
  const agents: AgentDirectory = { resolve: async () => { if (agent instanceof DomainError) throw agent; return agent; } };
  const service = new CampaignsService(repo as unknown as CampaignsRepository, outbox, agents, new ZeroPerformanceSource());
  return { service, repo, events };
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try { await p; } catch (err) { if (err instanceof DomainError) return err; throw err; }
  throw new Error('expected a refusal');
}

const body: CreateCampaignBody = { agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'EV Series X Launch', budget_usd: 5000 };

describe('CampaignsService', () => {
  it('creates an immediate campaign as active and emits created then started, each with the campaign', async () => {
    const { service, events } = setup();
    const c = await service.create(ctx, { ...body, config: { languages: ['en', 'de'] } });
    expect(c).toMatchObject({ status: 'active', budget_usd: 5000, spent_usd: 0, per_item_usd: 4, agent_id: 'agent_velo_automotive' });
    expect(c.performance).toEqual({ impressions: 0, engagements: 0, leads: 0, conversions: 0 });
    expect(new Date(c.ends_at).getTime() - new Date(c.starts_at).getTime()).toBe(30 * 86_400_000);
    expect(events.map((e) => e.type)).toEqual(['campaign.created', 'campaign.started']);
    expect(events[1].data).toMatchObject({ id: c.id, agent_id: 'agent_velo_automotive', status: 'active' });
  });

  it('schedules a future start and emits only campaign.created', async () => {
    const { service, events } = setup();
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const c = await service.create(ctx, { ...body, config: { starts_at: start, duration_days: 7 } });
    expect(c.status).toBe('scheduled');
    expect(c.starts_at).toBe(start);
    expect(events.map((e) => e.type)).toEqual(['campaign.created']);
  });

  it('refuses a start more than a year ahead', async () => {
    const { service } = setup();
    const err = await refusal(service.create(ctx, { ...body, config: { starts_at: new Date(Date.now() + 400 * 86_400_000).toISOString() } }));
    expect(err.errors?.[0].field).toBe('config.starts_at');
  });

  it('passes the registry\'s agent_not_found through', async () => {
    const { service } = setup(new DomainError('agent_not_found', 'no such agent'));
    expect((await refusal(service.create(ctx, body))).code).toBe('agent_not_found');
  });

  it('refuses languages the agent does not speak, naming them', async () => {
    const { service } = setup();
    const err = await refusal(service.create(ctx, { ...body, config: { languages: ['en', 'hi', 'de'] } }));
    expect(err.code).toBe('unsupported_language');
    expect(err.message).toContain('hi');
  });

  it('refuses an agent narrowed away by X-Influgentic-Agent with 403', async () => {
    const { service } = setup();
    expect((await refusal(service.create({ ...ctx, agentId: 'agent_other' }, body))).code).toBe('forbidden');
  });

  it('answers 404 for another organization\'s campaign and 403 for another agent\'s', async () => {
    const { service } = setup();
    const c = await service.create(ctx, body);
    expect((await refusal(service.get({ ...ctx, organizationId: 'org_b' }, c.id))).code).toBe('not_found');
    expect((await refusal(service.get({ ...ctx, livemode: false }, c.id))).code).toBe('not_found');
    expect((await refusal(service.pause({ ...ctx, agentId: 'agent_other' }, c.id))).code).toBe('forbidden');
  });

  it('pauses, resumes and cancels with one event each; a final campaign refuses everything with invalid_state', async () => {
    const { service, events } = setup();
    const c = await service.create(ctx, body);
    events.length = 0;
    expect((await service.pause(ctx, c.id)).status).toBe('paused');
    expect((await service.resume(ctx, c.id)).status).toBe('active');
    const cancelled = await service.cancel(ctx, c.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelled_at).not.toBeNull();
    expect(events.map((e) => e.type)).toEqual(['campaign.paused', 'campaign.resumed', 'campaign.cancelled']);
    for (const p of [service.pause(ctx, c.id), service.resume(ctx, c.id), service.cancel(ctx, c.id), service.update(ctx, c.id, { name: 'x' })]) {
      const err = await refusal(p);
      expect(err.code).toBe('invalid_state');
      expect(err.message).toContain('cancelled');
    }
  });

  it('patches name, merges config and moves the end with the duration', async () => {
    const { service } = setup();
    const c = await service.create(ctx, { ...body, config: { tone: 'bold', duration_days: 10 } });
    const p = await service.update(ctx, c.id, { name: 'Renamed', config: { duration_days: 20 } });
    expect(p.name).toBe('Renamed');
    expect(p.config).toMatchObject({ tone: 'bold', duration_days: 20 });
    expect(new Date(p.ends_at).getTime() - new Date(p.starts_at).getTime()).toBe(20 * 86_400_000);
  });

  it('refuses to move the start of a campaign that already started', async () => {
    const { service } = setup();
    const c = await service.create(ctx, body);
    const err = await refusal(service.update(ctx, c.id, { config: { starts_at: new Date(Date.now() + 86_400_000).toISOString() } }));
    expect(err.code).toBe('invalid_state');
  });

  it('starts a scheduled campaign at once when its start is patched to null', async () => {
    const { service, events } = setup();
    const c = await service.create(ctx, { ...body, config: { starts_at: new Date(Date.now() + 86_400_000).toISOString() } });
    const p = await service.update(ctx, c.id, { config: { starts_at: null } });
    expect(p.status).toBe('active');
    expect(events.map((e) => e.type)).toEqual(['campaign.created', 'campaign.started']);
  });

  it('refuses a budget below what is already spent or reserved, and accepts null (no cap)', async () => {
    const { service, repo } = setup();
    const c = await service.create(ctx, body);
    Object.assign(repo.rows.get(c.id)!, { spent_cents: 1000, held_cents: 400 });
    const err = await refusal(service.update(ctx, c.id, { budget_usd: 13.99 }));
    expect(err.code).toBe('validation_error');
    expect(err.errors?.[0]).toMatchObject({ field: 'budget_usd', code: 'min' });
    expect((await service.update(ctx, c.id, { budget_usd: 14 })).budget_usd).toBe(14);
    expect((await service.update(ctx, c.id, { budget_usd: null })).budget_usd).toBeNull();
  });

  // Unknown fields are the gateway's to refuse; whether a read-only field changed takes the stored campaign.
  it('rejects read-only fields sent with another value, naming them', async () => {
    const { service } = setup();
    const c = await service.create(ctx, body);
    const ro = await refusal(service.update(ctx, c.id, { type: 'review', agent_id: 'agent_x' }));
    expect(ro.code).toBe('validation_error');
    expect(ro.errors?.map((e) => [e.field, e.code])).toEqual([['type', 'read_only'], ['agent_id', 'read_only']]);
  });

  it('accepts back what a GET returned from an active campaign (config.starts_at null included) as a no-op', async () => {
    const { service, events } = setup();
    const c = await service.create(ctx, { ...body, config: { languages: ['en', 'de'] } });
    expect(c.config.starts_at).toBeNull();
    events.length = 0;
    const got = await service.get(ctx, c.id);
    const same = await service.update(ctx, c.id, JSON.parse(JSON.stringify(got)));
    expect(same).toEqual(got);
    expect(events).toEqual([]);
    // Just the config, as the issue reproduced it, and the same instant spelled differently.
    expect((await service.update(ctx, c.id, { config: got.config })).updated_at).toBe(got.updated_at);
  });

  it('treats an unchanged past start as no change, and still refuses a real move of a running campaign\'s start', async () => {
    const { service } = setup();
    const asked = new Date(Date.now() - 3_600_000);
    const c = await service.create(ctx, { ...body, config: { starts_at: asked.toISOString() } });
    expect(c.status).toBe('active');
    const spelled = asked.toISOString().replace('Z', '+00:00');
    const p = await service.update(ctx, c.id, { name: 'Renamed', config: { ...c.config, starts_at: spelled } });
    expect(p).toMatchObject({ name: 'Renamed', starts_at: c.starts_at, ends_at: c.ends_at, status: 'active' });
    const err = await refusal(service.update(ctx, c.id, { config: { starts_at: new Date(Date.now() + 86_400_000).toISOString() } }));
    expect(err.code).toBe('invalid_state');
  });

  it('answers a final campaign\'s own GET object with 200 and no change, and any real change with 409', async () => {
    const { service } = setup();
    const c = await service.create(ctx, body);
    const cancelled = await service.cancel(ctx, c.id);
    const got = await service.get(ctx, c.id);
    expect(await service.update(ctx, c.id, got)).toEqual(got);
    expect(cancelled.status).toBe('cancelled');
    expect((await refusal(service.update(ctx, c.id, { ...got, budget_usd: 1 }))).code).toBe('invalid_state');
  });
});
