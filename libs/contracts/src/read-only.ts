import { Allow, IsOptional } from 'class-validator';
import { DomainError, type FieldError } from './errors';

/**
 * Read-only fields of a resource, accepted in its PATCH body so that what a GET returned can be sent back as is
 * (API.md, Errors). `compare`: a value different from the current one is refused (422 `read_only`, naming the field)
 * rather than silently dropped. Fields the server keeps moving on its own (counters, timestamps, status) are not
 * compared: a copy a few seconds old must not make an edit of another field fail.
 */
export interface ReadOnlyOptions { compare?: boolean }

const READ_ONLY = new WeakMap<object, Map<string, ReadOnlyOptions>>();

export function ReadOnly(options: ReadOnlyOptions = {}): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    const own = READ_ONLY.get(target) ?? new Map<string, ReadOnlyOptions>();
    own.set(name, options);
    READ_ONLY.set(target, own);
    IsOptional()(target, name);
    Allow()(target, name);
  };
}

/** Every read-only field declared on `cls` or the classes it extends. */
export function readOnlyFields(cls: abstract new (...args: never[]) => unknown): Map<string, ReadOnlyOptions> {
  const out = new Map<string, ReadOnlyOptions>();
  for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [k, v] of READ_ONLY.get(proto) ?? []) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** Equal as JSON: key order does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameJson(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The writable part of a validated PATCH body. Read-only fields are dropped; a compared one whose value differs from
 * `current` (the resource as a GET shows it) is refused with 422 naming it.
 */
export function writableFields<T extends object>(cls: abstract new (...args: never[]) => T, patch: T, current: Record<string, unknown>): Partial<T> {
  const readOnly = readOnlyFields(cls);
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const rule = readOnly.get(key);
    if (!rule) {
      out[key] = value;
    } else if (rule.compare && !sameJson(value, current[key])) {
      errors.push({ field: key, code: 'read_only', message: 'is read-only; send the value a GET returned, or leave it out' });
    }
  }
  if (errors.length) throw DomainError.validation(errors);
  return out as Partial<T>;
}
