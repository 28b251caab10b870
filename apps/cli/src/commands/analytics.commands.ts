import type { AnalyticsParams, AnalyticsReport } from '@influgentic/sdk';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { percent, renderFields, renderTable, toCsv } from '../output/format';
import { defined, isoDate } from './parsers';

const TIMESERIES_HEADER = ['date', 'impressions', 'engagements', 'clicks', 'leads', 'conversions', 'revenue_usd'] as const;

/** The report's daily rows as CSV, one line per day (what `--csv` prints). */
export function reportCsv(report: AnalyticsReport): string {
  return toCsv([...TIMESERIES_HEADER], report.timeseries.map((day) => TIMESERIES_HEADER.map((column) => day[column])));
}

/** `analytics report <campaign>`: the summary and the daily series (a table, JSON, or CSV). */
export function registerAnalyticsCommands(program: Command, ctx: CliContext): void {
  const analytics = program.command('analytics').description('Read campaign results');

  analytics.command('report')
    .description('A campaign report: summary, breakdowns and the daily series')
    .argument('<campaign_id>')
    .option('--start <date>', 'YYYY-MM-DD', isoDate)
    .option('--end <date>', 'YYYY-MM-DD', isoDate)
    .option('--csv', 'print the daily series as CSV')
    .action(async (campaignId: string, o: { start?: string; end?: string; csv?: boolean }, command: Command) => {
      const client = await ctx.client(command);
      const report = await client.analytics.campaign(campaignId, defined({ start: o.start, end: o.end }) as AnalyticsParams, { signal: ctx.signal });
      const out = ctx.out(command);
      if (o.csv) return out.write(reportCsv(report));
      if (out.json) return out.printJson(report);
      const s = report.summary;
      out.line(out.colors.bold(`${campaignId}  ${report.period.start} → ${report.period.end}`));
      out.line(renderFields([
        ['impressions', s.total_impressions], ['engagements', s.total_engagements], ['engagement rate', percent(s.engagement_rate)],
        ['clicks', s.total_clicks], ['leads', s.leads_generated], ['conversions', s.conversions],
        ['conversion rate', percent(s.conversion_rate)], ['revenue', `$${s.estimated_revenue_usd}`], ['spend', `$${s.spend_usd}`],
        ['ROI', s.roi_multiplier === null ? '-' : `${s.roi_multiplier}×`],
      ], out.colors));
      if (report.timeseries.length) {
        out.line();
        out.line(renderTable(report.timeseries, TIMESERIES_HEADER.map((column) => ({ header: column.toUpperCase(), value: (day: AnalyticsReport['timeseries'][number]) => day[column] })), out.colors));
      }
    });
}
