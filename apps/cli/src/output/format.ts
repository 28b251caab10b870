import Table from 'cli-table3';
import type { Colors } from './colors';

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

/** A plain value as a table cell or a line: empty for nothing, lists joined, objects as compact JSON. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows as a bordered table with bold headers (bold only when colours are on). */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], colors: Colors): string {
  const table = new Table({ head: columns.map((c) => colors.bold(c.header)), style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((c) => cell(c.value(row))));
  return table.toString();
}

/** One object as aligned `key  value` lines, in the order given. */
export function renderFields(fields: ReadonlyArray<readonly [string, unknown]>, colors: Colors): string {
  const width = Math.max(0, ...fields.map(([key]) => key.length));
  return fields.map(([key, value]) => `${colors.dim(key.padEnd(width))}  ${cell(value)}`).join('\n');
}

/** RFC 4180 CSV: quotes a field holding a comma, quote or line break, and doubles its quotes. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const field = (value: unknown) => {
    const text = cell(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** A ratio as a percentage with two decimals, or a dash when there is none. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '-' : `${(ratio * 100).toFixed(2)}%`;
}
