import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignConfig, CampaignProduct, CampaignStatus, CampaignType, ReservationStatus } from '@influgentic/contracts';

/** pg returns bigint as text; cents stay far below 2^53, so a JS number is exact. */
const cents = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
const centsNotNull = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity({ schema: 'campaigns', name: 'campaigns' })
export class CampaignEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') organization_id: string;
  @Column('boolean') livemode: boolean;
  @Column('text') agent_id: string;
  @Column('text') type: CampaignType;
  @Column('text') name: string;
  @Column('jsonb', { nullable: true }) product: CampaignProduct | null;
  @Column('jsonb') config: CampaignConfig;
  @Column('text') status: CampaignStatus;
  /** Null: no cap. */
  @Column('bigint', { nullable: true, transformer: cents }) budget_cents: number | null;
  /** Sum of settled reservations. */
  @Column('bigint', { transformer: centsNotNull }) spent_cents: number;
  /** Sum of held reservations. */
  @Column('bigint', { transformer: centsNotNull }) held_cents: number;
  /** The agent's per-item rate card, fixed at creation (what the customer agreed to). */
  @Column('integer') rate_cents: number;
  @Column('timestamptz') starts_at: Date;
  @Column('timestamptz') ends_at: Date;
  @Column('timestamptz', { nullable: true }) started_at: Date | null;
  @Column('timestamptz', { nullable: true }) paused_at: Date | null;
  @Column('timestamptz', { nullable: true }) completed_at: Date | null;
  @Column('timestamptz', { nullable: true }) cancelled_at: Date | null;
  @Column('timestamptz') created_at: Date;
  @Column('timestamptz') updated_at: Date;
}

@Entity({ schema: 'campaigns', name: 'spend_reservations' })
export class SpendReservationEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') campaign_id: string;
  @Column('text') organization_id: string;
  @Column('boolean') livemode: boolean;
  @Column('text') content_id: string;
  @Column('bigint', { transformer: centsNotNull }) amount_cents: number;
  @Column('text') status: ReservationStatus;
  @Column('text', { nullable: true }) release_reason: string | null;
  @Column('timestamptz') expires_at: Date;
  @Column('timestamptz') created_at: Date;
  @Column('timestamptz', { nullable: true }) settled_at: Date | null;
  @Column('timestamptz', { nullable: true }) released_at: Date | null;
}
