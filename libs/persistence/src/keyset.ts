import { createHash } from 'node:crypto';
import { DomainError, unstorableText } from '@influgentic/contracts';

/**
 * What one cursor value must be before it goes near SQL: the type of the column it is compared with, in that
 * column's range. A client can edit a cursor; a value of the wrong type is the client's mistake (422), never a 500.
 */
export type CursorValueType =
  /** text: an id, at most 255 characters, storable by Postgres. */
  | 'string'
  /** integer column. */
  | 'int32'
  /** bigint column read as a JS number: a safe integer. */
  | 'int64'
  /** double precision column. */
  | 'float8'
  /** real column: a finite number inside real's range. */
  | 'float4'
  /** a row count carried along (the list total). */
  | 'count';

const FLOAT4_MAX = 3.4028234663852886e38;

const CHECKS: Record<CursorValueType, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.length <= 255 && !unstorableText(v),
  int32: (v) => Number.isInteger(v) && (v as number) >= -2_147_483_648 && (v as number) <= 2_147_483_647,
  int64: (v) => Number.isSafeInteger(v),
  float8: (v) => typeof v === 'number' && Number.isFinite(v),
  float4: (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= FLOAT4_MAX,
  count: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
};

/**
 * The kind tag of a list's cursors: the list name and a short hash of the filter and sort it belongs to. The hash
 * keeps the cursor the same size whatever the filter (a long non-ASCII `q` made cursors outgrow their own limit)
 * and still makes a cursor used with another filter fail to decode.
 */
export function cursorKind(list: string, filter: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(filter ?? null)).digest('base64url').slice(0, 22);
  return `${list}:${hash}`;
}

/**
 * Opaque keyset cursors: the sort key values of the last row seen, base64url-encoded JSON with a kind tag
 * so a cursor from one list (or sort, or filter) is refused by another instead of silently skipping rows.
 */
export function encodeCursor(kind: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

/** The values of a cursor of `kind` whose values have the given types, or null for anything else. */
export function decodeCursor(kind: string, cursor: string, types: readonly CursorValueType[]): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== types.length + 1) return null;
  const values = parsed.slice(1);
  return values.every((v, i) => CHECKS[types[i]](v)) ? values : null;
}

/**
 * The values of a cursor from a request, or a 422 naming the `cursor` field when it belongs to another list, sort
 * or filter, holds values of the wrong type, or is not a cursor at all.
 */
export function cursorValuesOrThrow(kind: string, cursor: string, types: readonly CursorValueType[], message = 'is not a cursor of this list'): unknown[] {
  const values = decodeCursor(kind, cursor, types);
  if (!values) throw DomainError.validation([{ field: 'cursor', code: 'invalid', message }]);
  return values;
}
