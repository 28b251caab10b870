import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Subjects, type RequestContext, type ResolvedAgent } from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';

/** How the campaigns service learns about agents: the registry owns them, so it is always asked, never copied. */
export interface AgentDirectory {
  /** The agent under the caller's visibility, or DomainError `agent_not_found` (422). */
  resolve(ctx: RequestContext, agentId: string): Promise<ResolvedAgent>;
}

export const AGENT_DIRECTORY = Symbol('AGENT_DIRECTORY');

/** Shorter than the gateway's own timeout, so a silent registry becomes our 503 rather than the gateway's. */
const REGISTRY_TIMEOUT_MS = () => Number(process.env.CAMPAIGNS_REGISTRY_TIMEOUT_MS ?? 2000);

/** Asks the registry over NATS (`registry.agents.resolve.v1`) with the caller's context in the headers. */
@Injectable()
export class RegistryAgentDirectory implements AgentDirectory, OnModuleInit, OnApplicationShutdown {
  private readonly bus = new BusClient('influgentic-campaigns-registry-client');

  async onModuleInit(): Promise<void> {
    await this.bus.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close().catch(() => undefined);
  }

  resolve(ctx: RequestContext, agentId: string): Promise<ResolvedAgent> {
    return this.bus.request<ResolvedAgent>(Subjects.registry.agentsResolve, { agent_id: agentId }, ctx, REGISTRY_TIMEOUT_MS());
  }
}
