import { IsOptional, IsString } from 'class-validator';
import { DomainError } from './errors';
import { ReadOnly, readOnlyFields, sameJson, writableFields } from './read-only';
import { fieldErrors } from './validation';

class Patch {
  @IsOptional() @IsString() name?: string;
  @ReadOnly({ compare: true }) id?: unknown;
  @ReadOnly() updated_at?: unknown;
}
class Wider extends Patch {
  @ReadOnly({ compare: true }) created_at?: unknown;
}

describe('read-only fields', () => {
  const current = { id: 'x_1', name: 'A', updated_at: '2025-01-01T00:00:00.000Z', created_at: '2024-01-01T00:00:00.000Z' };

  it('lets a GET object through validation instead of refusing its read-only fields as unknown', () => {
    expect(fieldErrors(Wider, current).errors).toEqual([]);
    expect(fieldErrors(Patch, { ...current, colour: 'red' }).errors.map((e) => e.code)).toEqual(['unknown_field', 'unknown_field']);
  });

  it('keeps the writable fields, drops unchanged and moving read-only ones', () => {
    expect(writableFields(Wider, { ...current, name: 'B', updated_at: 'later' } as Wider, current)).toEqual({ name: 'B' });
  });

  it('refuses a compared read-only field sent with another value, naming it', () => {
    let caught: unknown;
    try { writableFields(Wider, { id: 'x_2', created_at: current.created_at } as Wider, current); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).errors).toEqual([expect.objectContaining({ field: 'id', code: 'read_only' })]);
  });

  it('collects fields from parent classes', () => {
    expect([...readOnlyFields(Wider).keys()].sort()).toEqual(['created_at', 'id', 'updated_at']);
  });

  it('compares as JSON: key order does not matter, array order and values do', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
