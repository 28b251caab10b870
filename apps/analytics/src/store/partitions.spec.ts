import { monthOf, partitionFor, upcomingMonths } from './partitions';

describe('event partitions', () => {
  it('are calendar months in UTC, bounded [first day, first day of next month)', () => {
    expect(monthOf(new Date('2025-01-31T23:30:00-02:00'))).toBe('2025-02');
    expect(partitionFor('2025-12')).toEqual({ name: 'events_p202512', from: '2025-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(partitionFor('2024-02')).toEqual({ name: 'events_p202402', from: '2024-02-01T00:00:00Z', to: '2024-03-01T00:00:00Z' });
  });

  it('are made ahead for this month and the next ones, across a year end', () => {
    expect(upcomingMonths(new Date('2025-11-15T00:00:00Z'), 2)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
