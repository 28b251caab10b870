import type { ResponseMeta } from './request-options';

/** The list envelope every list operation answers with. */
export interface ListResponse<T> {
  data: T[];
  meta: { total: number | null; limit: number; next_cursor: string | null };
}

/** One page of a list, with how to reach the next. */
export interface Page<T> extends ListResponse<T> {
  /** True when another page follows (`meta.next_cursor` is set). */
  readonly hasMore: boolean;
  readonly lastResponse: ResponseMeta | undefined;
}

/** Fetches the page after `cursor` (undefined: the first page). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<{ body: ListResponse<T>; meta: ResponseMeta | undefined }>;

/**
 * What a `list()` returns, as in Stripe's SDK: await it for the first page, or iterate it with `for await` to walk
 * every item across pages, following `next_cursor` until the last page. Nothing is requested until one of the two
 * happens; the first page is fetched once and shared.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private first?: Promise<Page<T>>;

  constructor(private readonly fetchPage: PageFetcher<T>, private readonly startCursor?: string) {}

  private firstPage(): Promise<Page<T>> {
    this.first ??= this.load(this.startCursor);
    return this.first;
  }

  private async load(cursor: string | undefined): Promise<Page<T>> {
    const { body, meta } = await this.fetchPage(cursor);
    return { data: body.data, meta: body.meta, hasMore: body.meta.next_cursor !== null && body.meta.next_cursor !== undefined, lastResponse: meta };
  }

  then<A = Page<T>, B = never>(onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.firstPage().catch(onRejected);
  }

  /** Every page in turn, starting with the first. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.firstPage();
    for (;;) {
      yield page;
      if (!page.hasMore) return;
      page = await this.load(page.meta.next_cursor as string);
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Collects items across pages, at most `limit` of them (a bound is required, as Stripe's `autoPagingToArray`). */
  async toArray({ limit }: { limit: number }): Promise<T[]> {
    const out: T[] = [];
    if (limit <= 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }
}
