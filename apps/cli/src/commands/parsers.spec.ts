import { InvalidArgumentError } from 'commander';
import { commaList, decimal, defined, integer, isoDate } from './parsers';

describe('option parsers', () => {
  it('splits comma lists and drops blanks', () => {
    expect(commaList('en, de,,fr ')).toEqual(['en', 'de', 'fr']);
  });

  it('accepts numbers and dates and refuses the rest as usage errors', () => {
    expect(integer('12')).toBe(12);
    expect(decimal('99.5')).toBe(99.5);
    expect(isoDate('2025-03-03')).toBe('2025-03-03');
    expect(() => integer('1.5')).toThrow(InvalidArgumentError);
    expect(() => decimal('lots')).toThrow(InvalidArgumentError);
    expect(() => isoDate('03/03/2025')).toThrow(InvalidArgumentError);
  });

  it('keeps only the members given', () => {
    expect(defined({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });
});
