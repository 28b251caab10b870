import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainError, type RequestContext } from '@influgentic/contracts';
import { SERVICE_LOGGER } from '@influgentic/messaging';
import { ContentRepository } from '../items/content.repository';
import { PlatformClients } from './platform-clients';

/** First retry after a ledger that could not be reached; later ones back off from it. */
export const RETRY_HOLD_MS = () => Number(process.env.CONTENT_RETRY_HOLD_MS ?? 30_000);
/** Longest wait between two tries (the ledger expires an unsettled hold after 30 minutes on its own). */
const MAX_RETRY_HOLD_MS = () => Number(process.env.CONTENT_MAX_RETRY_HOLD_MS ?? 15 * 60_000);

/**
 * Whether the ledger's answer to a settle or release is final. A refusal (4xx: the campaign was cancelled or deleted,
 * the hold was already released or expired, it does not exist) will be the same tomorrow: retrying only repeats it.
 * No answer, a 5xx or a rate limit may pass, so those are tried again.
 */
export function isFinalLedgerRefusal(err: unknown): boolean {
  if (!(err instanceof DomainError)) return false;
  return !['service_unavailable', 'internal_error', 'rate_limited'].includes(err.code);
}

/** Exponential backoff with full jitter over the upper half: after attempt n (1-based), wait about base · 2^(n-1), capped. */
export function holdRetryDelayMs(attempt: number, baseMs = RETRY_HOLD_MS(), capMs = MAX_RETRY_HOLD_MS(), random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type HoldOutcome = 'settled' | 'released' | 'void' | 'retry';

export interface OpenHold {
  id: string;
  reservation_id: string | null;
  reservation_attempts?: number;
}

const describe = (err: unknown) => (err instanceof DomainError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));

/**
 * Closes an item's spend hold with the ledger and records the outcome on the item: settled or released when the
 * ledger agrees; void (with its reason) when it refuses for good; otherwise another try later, with backoff. The call
 * to the ledger happens outside any transaction; the outcome is one conditional write (only while still held).
 */
@Injectable()
export class SpendHolds {
  constructor(
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  async close(ctx: RequestContext, item: OpenHold, to: 'settled' | 'released', reason = 'the item was not produced'): Promise<HoldOutcome> {
    if (!item.reservation_id) return to;
    try {
      if (to === 'settled') await this.clients.settle(ctx, item.reservation_id);
      else await this.clients.release(ctx, item.reservation_id, reason);
    } catch (err) {
      return this.refused(item, to, err);
    }
    await this.items.endReservation(item.id, to).catch((e) => this.log.warn({ content_id: item.id, err: String(e) }, `spend hold ${to} but not recorded; the sweeper will record it`));
    return to;
  }

  private async refused(item: OpenHold, to: 'settled' | 'released', err: unknown): Promise<HoldOutcome> {
    const why = describe(err);
    try {
      if (isFinalLedgerRefusal(err)) {
        this.log.warn({ content_id: item.id, reservation_id: item.reservation_id, err: why }, `the ledger refused to mark the hold ${to}; it is void`);
        await this.items.endReservation(item.id, 'void', `${to === 'settled' ? 'settle' : 'release'} refused: ${why}`);
        return 'void';
      }
      const attempt = (item.reservation_attempts ?? 0) + 1;
      const delay = holdRetryDelayMs(attempt);
      this.log.warn({ content_id: item.id, reservation_id: item.reservation_id, attempt, retry_in_ms: delay, err: why }, `spend hold could not be marked ${to}; will retry`);
      await this.items.retryReservationLater(item.id, delay, why);
    } catch (e) {
      // The item stays held and due: the sweeper tries again once its lease runs out.
      this.log.warn({ content_id: item.id, err: String(e) }, 'could not record the outcome of a spend hold');
    }
    return 'retry';
  }
}
