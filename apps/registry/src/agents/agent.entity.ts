import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgentStatus, AgentTier, AgentVisibility, StyleProfile } from '@influgentic/contracts';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

@Entity({ schema: 'registry', name: 'agents' })
export class AgentEntity {
  @PrimaryColumn('text') id: string;
  /** Null for the shared catalog. */
  @Column('text', { nullable: true }) organization_id: string | null;
  @Column('boolean') livemode: boolean;
  @Column('text') name: string;
  @Column('text') category: string;
  @Column('text', { array: true }) subcategories: string[];
  @Column('text', { array: true }) use_cases: string[];
  @Column('text', { array: true }) languages: string[];
  @Column('bigint', { transformer: bigintAsNumber }) reach: number;
  @Column('double precision') engagement_rate: number;
  @Column('integer') total_campaigns: number;
  @Column('real') rating: number;
  @Column('text') tier: AgentTier;
  @Column('text') status: AgentStatus;
  @Column('text') headline: string;
  @Column('text', { nullable: true }) persona_prompt: string | null;
  @Column('text', { array: true }) expertise_domains: string[];
  @Column('text', { nullable: true }) target_audience: string | null;
  @Column('text', { array: true }) tone_modes: string[];
  @Column('text') visibility: AgentVisibility;
  /** IANA zone the agent posts from; null when it has none. */
  @Column('text', { nullable: true }) timezone: string | null;
  @Column('jsonb') capabilities: Record<string, unknown>;
  @Column('jsonb') performance: Record<string, number>;
  @Column('jsonb') pricing: Record<string, unknown>;
  @Column('jsonb', { nullable: true }) style_profile: StyleProfile | null;
  @Column('text', { array: true }) keywords: string[];
  @Column('text', { nullable: true }) failure_reason: string | null;
  @Column('timestamptz', { nullable: true }) train_after: Date | null;
  @Column('timestamptz') created_at: Date;
  @Column('timestamptz') updated_at: Date;
  @Column('timestamptz', { nullable: true }) deleted_at: Date | null;
}
