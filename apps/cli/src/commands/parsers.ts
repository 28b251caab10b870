import { InvalidArgumentError } from 'commander';

/** `a,b , c` → ['a', 'b', 'c'] (commander option parser). */
export function commaList(value: string): string[] {
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

export function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('Not an integer.');
  return Number(value);
}

export function decimal(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('Not a number.');
  return parsed;
}

export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('Expected a date as YYYY-MM-DD.');
  return value;
}

/** Drops undefined members, so a body carries only the options given. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
