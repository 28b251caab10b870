import { addDays, formatCount, formatPercent, formatUsd, humanize, mondayOf, spendPercent, splitList } from './format';

describe('console formatting', () => {
  it('finds the Monday of a week, across month ends', () => {
    expect(mondayOf(new Date('2025-01-01T12:00:00Z'))).toBe('2024-12-30');
    expect(mondayOf(new Date('2025-01-05T23:59:00Z'))).toBe('2024-12-30');
    expect(mondayOf(new Date('2025-01-06T00:00:00Z'))).toBe('2025-01-06');
    expect(addDays('2024-12-30', 6)).toBe('2025-01-05');
  });

  it('bounds the spend bar and hides it without a budget', () => {
    expect(spendPercent(25, 100)).toBe(25);
    expect(spendPercent(150, 100)).toBe(100);
    expect(spendPercent(5, null)).toBeUndefined();
    expect(spendPercent(5, 0)).toBeUndefined();
  });

  it('formats numbers for people', () => {
    expect(formatCount(4_200_000)).toBe('4.2M');
    expect(formatCount(null)).toBe('—');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatPercent(0.0981)).toBe('9.8%');
    expect(formatPercent(null)).toBe('—');
    expect(humanize('product_launch')).toBe('Product launch');
  });

  it('splits comma- or line-separated lists without blanks or repeats', () => {
    expect(splitList(' a, b\n\nc ,a,')).toEqual(['a', 'b', 'c']);
    expect(splitList('   ')).toEqual([]);
  });
});
