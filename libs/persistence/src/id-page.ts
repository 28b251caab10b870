import { cursorValuesOrThrow, encodeCursor } from './keyset';

export interface IdPageRequest<Row extends { id: string }> {
  /** `cursorKind(list, filter)`: a cursor of another list or filter is refused. */
  kind: string;
  cursor?: string;
  limit: number;
  /** Rows after `after` in the list's id order, `limit + 1` of them (one more tells whether a next page exists). */
  page: (after: string | undefined) => Promise<Row[]>;
  /** The list's total, asked only on the first page. */
  count: () => Promise<number>;
  /** What a refused cursor's error says (the 422 names the `cursor` field). */
  refusal?: string;
}

/**
 * One page of a list ordered by id whose cursor carries the last id and the total, so later pages cost one indexed
 * query and no count.
 */
export async function idKeysetPage<Row extends { id: string }>(req: IdPageRequest<Row>): Promise<{ rows: Row[]; total: number; nextCursor: string | null }> {
  let after: string | undefined;
  let total: number | undefined;
  if (req.cursor) {
    const [lastId, n] = cursorValuesOrThrow(req.kind, req.cursor, ['string', 'count'], req.refusal ?? 'is not a cursor of this list (filters must stay the same)');
    after = String(lastId);
    total = Number(n);
  }
  const [rows, counted] = await Promise.all([req.page(after), total === undefined ? req.count() : Promise.resolve(total)]);
  const data = rows.slice(0, req.limit);
  const last = data[data.length - 1];
  return { rows: data, total: counted, nextCursor: rows.length > req.limit && last ? encodeCursor(req.kind, [last.id, counted]) : null };
}
