import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '@influgentic/contracts';

/** A stored review link (the token itself is never stored). */
export interface ReviewLinkRow {
  id: string;
  organization_id: string;
  livemode: boolean;
  token_hash: string;
  content_ids: string[];
  agent_id: string | null;
  /** `YYYY-MM-DD` (pg returns a date column as text here, see the casts below). */
  week: string | null;
  note: string | null;
  created_by: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, organization_id, livemode, token_hash, content_ids, agent_id, to_char(week, 'YYYY-MM-DD') AS week, note, created_by,
  expires_at, revoked_at, created_at`;

/** Everything that touches `content.review_links`. */
@Injectable()
export class ReviewLinksRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async insert(m: EntityManager, row: Omit<ReviewLinkRow, 'revoked_at' | 'created_at'>): Promise<ReviewLinkRow> {
    const [stored]: ReviewLinkRow[] = await m.query(
      `INSERT INTO content.review_links (id, organization_id, livemode, token_hash, content_ids, agent_id, week, note, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [row.id, row.organization_id, row.livemode, row.token_hash, row.content_ids, row.agent_id, row.week, row.note, row.created_by, row.expires_at],
    );
    return stored;
  }

  /** Revokes the caller's link; a revoked one keeps its first revocation time, so a repeat answers the same. */
  async revoke(ctx: RequestContext, id: string): Promise<ReviewLinkRow | null> {
    const [rows]: [ReviewLinkRow[], number] = await this.ds.query(
      `UPDATE content.review_links SET revoked_at = COALESCE(revoked_at, now())
        WHERE id = $1 AND organization_id = $2 AND livemode = $3 RETURNING ${COLUMNS}`,
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  /** The link a token hash names, only while it is neither revoked nor expired. */
  async findUsable(tokenHash: string): Promise<ReviewLinkRow | null> {
    const rows: ReviewLinkRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM content.review_links WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }
}
