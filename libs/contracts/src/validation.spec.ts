import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError } from './errors';
import { fieldErrors, IntFromQuery, validateOrThrow } from './validation';

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
});
