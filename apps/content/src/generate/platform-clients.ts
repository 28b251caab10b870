import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  CampaignSubjects, DomainError, Subjects, type CampaignContext, type RequestContext, type ResolvedAgent, type SpendReservation,
} from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';

/**
 * Below the gateway's own RPC timeout, so a silent registry or campaigns service becomes this service's clear 503
 * instead of the gateway giving up on us.
 */
const CALL_TIMEOUT_MS = () => Number(process.env.CONTENT_UPSTREAM_TIMEOUT_MS ?? 2000);

/**
 * How long a ready agent's persona may be reused without asking the registry again. Short on purpose: a persona edit
 * or a deletion shows within this window; agents that are not ready are never kept. 0 turns it off.
 */
const AGENT_CACHE_MS = () => Number(process.env.CONTENT_AGENT_CACHE_MS ?? 2000);

/** Safe calls only (reads, and writes keyed so a repeat is the same write): one more try when the first got no answer. */
async function retryOnce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'service_unavailable') throw err;
    return call();
  }
}

/** The other services the content service asks: the registry for agents, campaigns for context and spend. */
@Injectable()
export class PlatformClients implements OnModuleInit, OnApplicationShutdown {
  private readonly bus = new BusClient('influgentic-content-client');
  private readonly agents = new Map<string, { at: number; agent: ResolvedAgent }>();

  async onModuleInit(): Promise<void> {
    await this.bus.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close().catch(() => undefined);
  }

  /** The agent under the caller's visibility; an unknown or invisible one is a 404 here (it is the path's resource). */
  async agent(ctx: RequestContext, agentId: string): Promise<ResolvedAgent> {
    const key = `${ctx.organizationId}|${ctx.livemode}|${agentId}`;
    const ttl = AGENT_CACHE_MS();
    const hit = this.agents.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.agent;
    try {
      const agent = await this.bus.request<ResolvedAgent>(Subjects.registry.agentsResolve, { agent_id: agentId }, ctx, CALL_TIMEOUT_MS());
      if (ttl > 0 && (agent.status === 'ready' || agent.status === 'available')) {
        if (this.agents.size >= 5000) this.agents.clear();
        this.agents.set(key, { at: Date.now(), agent });
      } else {
        this.agents.delete(key);
      }
      return agent;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'agent_not_found') throw DomainError.notFound('Agent', agentId);
      throw err;
    }
  }

  campaign(ctx: RequestContext, campaignId: string): Promise<CampaignContext> {
    return retryOnce(() => this.bus.request<CampaignContext>(CampaignSubjects.context, { campaign_id: campaignId }, ctx, CALL_TIMEOUT_MS()));
  }

  /**
   * A reserve that got no answer may still have been carried out; asking again for the same item returns that hold
   * (the ledger holds once per item), so a slow moment neither fails the request nor strands a hold until it expires.
   */
  reserve(ctx: RequestContext, campaignId: string, contentId: string): Promise<SpendReservation> {
    return retryOnce(() => this.bus.request<SpendReservation>(CampaignSubjects.reserve, { campaign_id: campaignId, content_id: contentId }, ctx, CALL_TIMEOUT_MS()));
  }

  settle(ctx: RequestContext, reservationId: string): Promise<SpendReservation> {
    return this.bus.request<SpendReservation>(CampaignSubjects.settle, { reservation_id: reservationId }, ctx, CALL_TIMEOUT_MS());
  }

  release(ctx: RequestContext, reservationId: string, reason: string): Promise<SpendReservation> {
    return this.bus.request<SpendReservation>(CampaignSubjects.release, { reservation_id: reservationId, reason: reason.slice(0, 200) }, ctx, CALL_TIMEOUT_MS());
  }
}
