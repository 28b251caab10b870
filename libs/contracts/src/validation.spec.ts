import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError } from './errors';
import { fieldErrors, IntFromQuery, IsMoney, IsPathId, MAX_JSON_DEPTH, unsafeValueErrors, validateOrThrow } from './validation';

class Inner {
  @IsString() @MaxLength(5) name!: string;
}
class Outer {
  @IsString() title!: string;
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(10) limit?: number;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

describe('fieldErrors', () => {
  it('names a missing required field once, as required', () => {
    expect(fieldErrors(Outer, {}).errors).toEqual([{ field: 'title', code: 'required', message: 'is required' }]);
  });

  it('rejects unknown fields instead of dropping them', () => {
    expect(fieldErrors(Outer, { title: 'x', extra: 1 }).errors).toEqual([{ field: 'extra', code: 'unknown_field', message: 'is not a known field' }]);
  });

  it('maps enum, range and type problems to stable codes', () => {
    const codes = fieldErrors(Outer, { title: 5, kind: 'z', limit: '11' }).errors.map((e) => `${e.field}:${e.code}`);
    expect(codes).toEqual(['title:type', 'kind:enum', 'limit:max']);
  });

  it('converts integer-looking query strings and refuses the rest', () => {
    expect(fieldErrors(Outer, { title: 'x', limit: '7' }).value.limit).toBe(7);
    expect(fieldErrors(Outer, { title: 'x', limit: '7.5' }).errors[0]).toMatchObject({ field: 'limit', code: 'type' });
  });

  it('reports nested fields with a dotted path', () => {
    expect(fieldErrors(Outer, { title: 'x', inner: { name: 'toolong' } }).errors).toEqual([{ field: 'inner.name', code: 'max_length', message: 'must be shorter than or equal to 5 characters' }]);
  });

  it('refuses NUL characters anywhere', () => {
    expect(fieldErrors(Outer, { title: 'a\u0000b' }).errors).toContainEqual({ field: 'title', code: 'invalid_characters', message: 'must not contain NUL characters' });
  });

  it('refuses non-objects', () => {
    expect(fieldErrors(Outer, [1, 2]).errors[0]).toMatchObject({ field: 'body', code: 'type' });
  });

  it('throws a 422 DomainError listing every field', () => {
    try {
      validateOrThrow(Outer, { kind: 'z' });
      throw new Error('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('validation_error');
      expect((err as DomainError).errors?.map((e) => e.field)).toEqual(['title', 'kind']);
      expect((err as DomainError).message).toBe('2 fields are invalid');
    }
  });

  it('does not miscount past the cap of listed errors', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ field: `f${i}`, code: 'unknown_field', message: 'is not allowed' }));
    const err = DomainError.validation(many);
    expect(err.errors).toHaveLength(50);
    expect(err.message).toBe('At least 50 fields are invalid; the first 50 are listed');
    expect(DomainError.validation(many.slice(0, 49)).message).toBe('49 fields are invalid');
  });
});

class Money {
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @IsMoney(2) @Min(0) amount?: number;
}
class Deep {
  @IsOptional() @IsArray() items?: unknown[];
  @IsOptional() @IsString() note?: string;
}
class IdParams {
  @IsPathId() id!: string;
}
class Many {
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
}

describe('values no database can store', () => {
  it('refuses a lone UTF-16 surrogate in any string, nested or not', () => {
    expect(fieldErrors(Outer, { title: 'a\ud800b' }).errors).toContainEqual(expect.objectContaining({ field: 'title', code: 'invalid_characters' }));
    expect(fieldErrors(Outer, { title: 'x', inner: { name: '\udc00' } }).errors).toContainEqual(expect.objectContaining({ field: 'inner.name', code: 'invalid_characters' }));
    expect(fieldErrors(Deep, { items: ['ok', 'bad\ud83d'] }).errors).toContainEqual(expect.objectContaining({ field: 'items[1]', code: 'invalid_characters' }));
  });

  it('accepts paired surrogates (emoji)', () => {
    expect(fieldErrors(Outer, { title: 'rocket \ud83d\ude80' }).errors).toEqual([]);
  });

  it('refuses a bad key without repeating it', () => {
    const errors = fieldErrors(Deep, { items: [{ ['k\ud800']: 1 }] }).errors;
    expect(errors).toContainEqual(expect.objectContaining({ field: 'items[0]', code: 'invalid_characters' }));
    expect(JSON.stringify(errors)).not.toContain('k\\ud800');
  });

  it('refuses nesting deeper than 64 levels without recursing (5,000 levels do not overflow the stack)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const { errors } = fieldErrors(Deep, { items: deep as unknown[] });
    expect(errors).toEqual([{ field: 'body', code: 'too_deep', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }]);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH - 2; i++) ok = [ok];
    expect(unsafeValueErrors({ items: ok })).toEqual([]);
  });
});

describe('numbers', () => {
  it.each([[1e-7], [5e-324], [0.001], [19.999], [0.1 + 0.2]])('refuses money with more than two decimals: %p', (amount) => {
    expect(fieldErrors(Money, { amount }).errors).toEqual([expect.objectContaining({ field: 'amount', code: 'precision' })]);
  });

  it.each([[0], [19.99], [5000], [0.5], [100000000]])('accepts money: %p', (amount) => {
    expect(fieldErrors(Money, { amount }).errors).toEqual([]);
  });

  it('leaves query integers beyond 2^53 as text, refused as the wrong type', () => {
    expect(fieldErrors(Outer, { title: 'x', limit: '9223372036854775807' }).errors).toContainEqual(expect.objectContaining({ field: 'limit', code: 'type' }));
  });
});

describe('path ids', () => {
  it('accept any shape or case up to 255 characters', () => {
    for (const id of ['agent_01ABC', 'AGENT_x', 'DROP TABLE', 'x', 'a'.repeat(255)]) expect(fieldErrors(IdParams, { id }).errors).toEqual([]);
  });

  it('refuse longer ones and unstorable characters', () => {
    expect(fieldErrors(IdParams, { id: 'a'.repeat(256) }).errors[0]).toMatchObject({ field: 'id' });
    expect(fieldErrors(IdParams, { id: 'a\u0000' }).errors[0]).toMatchObject({ field: 'id', code: 'invalid_characters' });
  });
});

describe('errors[] cap', () => {
  it('lists at most 50 field errors', () => {
    const tags = Array.from({ length: 500 }, (_, i) => (i % 2 ? i : 'bad\ud800'));
    const { errors } = fieldErrors(Many, { tags });
    expect(errors.length).toBe(50);
    try {
      validateOrThrow(Many, { tags });
      throw new Error('should have thrown');
    } catch (err) {
      expect((err as DomainError).errors).toHaveLength(50);
    }
    expect(DomainError.validation(Array.from({ length: 80 }, (_, i) => ({ field: `f${i}`, code: 'type', message: 'x' }))).errors).toHaveLength(50);
  });
});

