import { DomainError } from '@influgentic/contracts';

/**
 * Opaque keyset cursors: the sort key values of the last row seen, base64url-encoded JSON with a kind tag
 * so a cursor from one list (or sort) is refused by another instead of silently skipping rows.
 */
export function encodeCursor(kind: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, arity: number): unknown[] | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== arity + 1) return null;
    return parsed.slice(1);
  } catch {
    return null;
  }
}

/**
 * The values of a cursor from a request, or a 422 naming the `cursor` field when it belongs to another list, sort
 * or filter (or is not a cursor at all).
 */
export function cursorValuesOrThrow(kind: string, cursor: string, arity: number, message = 'is not a cursor of this list'): unknown[] {
  const values = decodeCursor(kind, cursor, arity);
  if (!values) throw DomainError.validation([{ field: 'cursor', code: 'invalid', message }]);
  return values;
}
