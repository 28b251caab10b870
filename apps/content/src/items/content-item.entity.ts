import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ComplianceMode, ContentComplianceFlag, ContentFormat, ContentLength, ContentMedia, ContentStatus, ContentType, ContentVariant,
  Platform,
} from '@influgentic/contracts';
import type { ContentSection, GenerationProduct } from '../generation';

/** What a piece was written from, kept so it can be regenerated the same way (with a new seed). */
export interface ContentBrief {
  product: GenerationProduct;
  tone: string | null;
  include_cta: boolean;
  sponsored: boolean;
  seed: string;
  campaign_name: string | null;
  /** Week plans: the slot the item fills. */
  plan?: PlannedSlotRef;
  /** Week plans: the trending topic and the brand's guidance the piece was written with. */
  topic?: string;
  guidance?: string;
  /** Videos: the media job that renders the item (it stays `generating` until the job ends it). */
  media_job?: string;
}

/** Which week plan slot an item fills (`slot` is `week|platform|date|n`); a re-run or a resumed job skips filled slots. */
export interface PlannedSlotRef {
  job_id: string;
  week: string;
  slot: string;
}

/**
 * Where the item's spend hold stands: `held` until the ledger settles it (the item was stored) or releases it (it was
 * not); `void` when the ledger refused either for good (campaign cancelled, hold expired or gone), with its reason in
 * `reservation_error`: nothing was charged and nothing is left to do.
 */
export type ReservationState = 'held' | 'settled' | 'released' | 'void';

@Entity({ schema: 'content', name: 'content_items' })
export class ContentItemEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') organization_id: string;
  @Column('boolean') livemode: boolean;
  @Column('text') agent_id: string;
  @Column('text', { nullable: true }) campaign_id: string | null;
  @Column('text') content_type: ContentType;
  @Column('text') format: ContentFormat;
  @Column('text', { nullable: true }) platform: Platform | null;
  @Column('text') language: string;
  @Column('text') length: ContentLength;
  @Column('text') status: ContentStatus;
  @Column('text', { nullable: true }) title: string | null;
  @Column('text') body: string;
  @Column('text') caption: string;
  @Column('text', { array: true }) hashtags: string[];
  @Column('text', { nullable: true }) cta: string | null;
  @Column('text', { array: true }) disclosures: string[];
  @Column('jsonb', { nullable: true }) sections: ContentSection[] | null;
  @Column('jsonb') variants: ContentVariant[];
  @Column('integer', { nullable: true }) selected_variant: number | null;
  @Column('jsonb') media: ContentMedia[];
  @Column('text') compliance_mode: ComplianceMode;
  @Column('jsonb') compliance_flags: ContentComplianceFlag[];
  @Column('text', { array: true }) review_reasons: string[];
  @Column('jsonb') brief: ContentBrief;
  @Column('text') model: string;
  @Column('integer') tokens_input: number;
  @Column('integer') tokens_output: number;
  @Column('integer', { nullable: true }) latency_ms: number | null;
  @Column('text', { nullable: true }) session_id: string | null;
  @Column('text', { nullable: true }) reservation_id: string | null;
  @Column('text', { nullable: true }) reservation_state: ReservationState | null;
  @Column('integer', { nullable: true }) amount_cents: number | null;
  /** Failed attempts to settle or release the hold while the ledger was unreachable (the database fills the defaults). */
  @Column('integer', { default: 0 }) reservation_attempts?: number;
  /** When the sweeper may try the hold again; null: after the usual delay since the item last changed. */
  @Column('timestamptz', { nullable: true }) reservation_retry_at?: Date | null;
  /** The ledger's last refusal or the last transport error. */
  @Column('text', { nullable: true }) reservation_error?: string | null;
  @Column('text', { nullable: true }) failure_reason: string | null;
  @Column('text', { nullable: true }) rejection_reason: string | null;
  @Column('timestamptz', { nullable: true }) scheduled_at: Date | null;
  @Column('timestamptz', { nullable: true }) published_at: Date | null;
  @Column('timestamptz') created_at: Date;
  @Column('timestamptz') updated_at: Date;
  /** Soft deletion: the item is gone for every read; a repeated DELETE still answers like the first. */
  @Column('timestamptz', { nullable: true }) deleted_at?: Date | null;
  /** Publication record (the database fills the defaults): attempts, the last refusal, and the post once it is out. */
  @Column('integer', { default: 0 }) publish_attempts?: number;
  @Column('text', { nullable: true }) publish_error?: string | null;
  @Column('text', { nullable: true }) post_id?: string | null;
  @Column('text', { nullable: true }) post_url?: string | null;
  /** Held by whoever is posting the item (scheduler or a request), so no one else posts it meanwhile. */
  @Column('text', { nullable: true }) publish_claim?: string | null;
  @Column('timestamptz', { nullable: true }) publish_claim_until?: Date | null;
}
