import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series { label: string; values: number[]; color: string }

/** A uPlot line chart of daily values; redrawn when the data changes, resized with its container. */
export function TimeseriesChart({ dates, series, title }: { dates: string[]; series: Series[]; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const plot = new uPlot({
      width: Math.max(320, el.clientWidth), height: 280, title,
      scales: { x: { time: true } },
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: xs.length < 40 } }))],
      axes: [{}, { size: 60 }],
    }, [xs, ...series.map((s) => s.values)], el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 280 }));
    resize.observe(el);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [dates, series, title]);
  return <div ref={box} className="chart" data-testid="timeseries-chart" role="img" aria-label={`${title}: ${series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)} in total`).join(', ')}`} />;
}
