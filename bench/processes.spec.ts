import { histogramByService } from './processes';

describe('histogramByService', () => {
  // Two GC kinds of one service, as prom-client writes them, and another service with nothing observed.
  const text = [
    'nodejs_gc_duration_seconds_bucket{le="0.0005",kind="minor",service="registry"} 90',
    'nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor",service="registry"} 96',
    'nodejs_gc_duration_seconds_bucket{le="0.01",kind="minor",service="registry"} 98',
    'nodejs_gc_duration_seconds_bucket{le="+Inf",kind="minor",service="registry"} 98',
    'nodejs_gc_duration_seconds_sum{kind="minor",service="registry"} 0.05',
    'nodejs_gc_duration_seconds_bucket{le="0.0005",kind="major",service="registry"} 0',
    'nodejs_gc_duration_seconds_bucket{le="0.001",kind="major",service="registry"} 0',
    'nodejs_gc_duration_seconds_bucket{le="0.01",kind="major",service="registry"} 1',
    'nodejs_gc_duration_seconds_bucket{le="+Inf",kind="major",service="registry"} 2',
    'nodejs_gc_duration_seconds_sum{kind="major",service="registry"} 0.15',
    'nodejs_gc_duration_seconds_bucket{le="0.0005",kind="minor",service="gateway"} 0',
    'nodejs_gc_duration_seconds_bucket{le="+Inf",kind="minor",service="gateway"} 0',
  ].join('\n');

  it('sums the series of one service over their other labels before reading percentiles', () => {
    const registry = histogramByService(text, 'nodejs_gc_duration_seconds').get('registry');
    expect(registry).toEqual({ count: 100, mean: 0.002, p50: 0.0005, p99: 0.01 });
  });

  it('reads a percentile past the last bound as unbounded, and leaves out services that observed nothing', () => {
    const only = text.split('\n').filter((l) => l.includes('major')).join('\n');
    expect(histogramByService(only, 'nodejs_gc_duration_seconds').get('registry')?.p99).toBe(Infinity);
    expect(histogramByService(text, 'nodejs_gc_duration_seconds').has('gateway')).toBe(false);
  });
});
