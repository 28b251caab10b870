import type { AgentSummary, Agent, AnalyticsReport, Campaign, ContentItem, Job, MediaJobAccepted, Page } from '@influgentic/sdk';

// Short text a model reads before (or instead of) the structured JSON: ids first, then what tells items apart.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
const usd = (amount: number | null | undefined) => (amount === null || amount === undefined ? 'no budget' : `$${amount.toFixed(2)}`);

/** At most `max` characters of a text on one line. */
export function excerpt(text: string | null | undefined, max = 120): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function pageFooter(page: Page<unknown>): string {
  const total = page.meta.total === null ? '' : ` of ${page.meta.total}`;
  const more = page.hasMore ? `\nMore: call again with cursor "${page.meta.next_cursor}".` : '';
  return `${page.data.length}${total} shown.${more}`;
}

export function agentsPage(page: Page<AgentSummary>): string {
  if (!page.data.length) return 'No agents match these filters.';
  const lines = page.data.map((a) => `- ${a.id}: ${a.name} · ${a.category} · ${a.tier} · reach ${compact.format(a.reach)} · engagement ${percent(a.engagement_rate)} · rating ${a.rating} · ${a.languages.join('/')}`);
  return [`Agents:`, ...lines, pageFooter(page)].join('\n');
}

export function agent(a: Agent): string {
  return [
    `${a.id}: ${a.name} (${a.category}, ${a.tier}, ${a.status})`,
    excerpt(a.headline, 200),
    `Reach ${compact.format(a.reach)}, engagement ${percent(a.engagement_rate)}, ${a.total_campaigns} campaigns, rating ${a.rating}.`,
    `Languages: ${a.languages.join(', ')}. Use cases: ${a.use_cases.join(', ')}. Content types: ${a.capabilities.content_types.join(', ')}.`,
  ].filter(Boolean).join('\n');
}

function campaignLine(c: Campaign): string {
  return `${c.id}: "${c.name}" · ${c.type} · ${c.status} · agent ${c.agent_id} · budget ${usd(c.budget_usd)}, spent ${usd(c.spent_usd)}`;
}

export function campaign(c: Campaign, verb = 'Campaign'): string {
  return `${verb} ${campaignLine(c)} (${c.livemode ? 'live' : 'sandbox'}; runs ${c.starts_at.slice(0, 10)} → ${c.ends_at.slice(0, 10)}).`;
}

export function campaignsPage(page: Page<Campaign>): string {
  if (!page.data.length) return 'No campaigns match these filters.';
  return ['Campaigns:', ...page.data.map((c) => `- ${campaignLine(c)}`), pageFooter(page)].join('\n');
}

export function content(item: ContentItem, verb = 'Content'): string {
  const where = [item.format, item.platform, item.language].filter(Boolean).join(', ');
  const text = item.caption || item.body;
  const review = item.compliance.review_reasons.length ? `\nReview reasons: ${item.compliance.review_reasons.join('; ')}` : '';
  const reason = item.rejection_reason ? `\nRejected: ${item.rejection_reason}` : '';
  return `${verb} ${item.id} by ${item.agent_id} (${where}) is ${item.status}.${review}${reason}\n\n${text}${item.hashtags.length ? `\n${item.hashtags.map((h) => (h.startsWith('#') ? h : `#${h}`)).join(' ')}` : ''}`;
}

export function reviewQueue(page: Page<ContentItem>, status: unknown): string {
  if (!page.data.length) return `Nothing is ${typeof status === 'string' ? status : 'in the queue'}.`;
  const lines = page.data.map((c) => `- ${c.id}: ${c.status} · ${c.agent_id} · ${c.format}${c.platform ? `/${c.platform}` : ''} · "${excerpt(c.caption || c.body, 80)}"`);
  return ['Content queue (approve_content or reject_content by id):', ...lines, pageFooter(page)].join('\n');
}

export function job(j: Job): string {
  const error = j.error ? ` Error ${j.error.code}: ${j.error.message}.` : '';
  const next = ['queued', 'processing'].includes(j.status) ? ' Still running: call get_job again in a few seconds.' : '';
  return `Job ${j.id} (${j.type}) is ${j.status}, ${j.progress}% done.${error}${next}`;
}

export function videoAccepted(accepted: MediaJobAccepted): string {
  return [
    `Video render queued: content ${accepted.content.id}, job ${accepted.job.id} (${accepted.job.status}).`,
    `To follow it, call get_job with job_id "${accepted.job.id}" every few seconds until its status is done, error, cancelled or stopped;`,
    `the finished job's result holds the signed links to the video, captions and speech.`,
  ].join(' ');
}

export function analytics(report: AnalyticsReport, scope: string): string {
  const s = report.summary;
  const top = report.top_content.length ? `\nTop content: ${report.top_content.map((t) => `${t.content_id} (${t.engagements} engagements)`).join(', ')}` : '';
  return [
    `${scope}, ${report.period.start} → ${report.period.end} (${report.livemode ? 'live' : 'sandbox'}):`,
    `${s.total_impressions} impressions, ${s.total_engagements} engagements (${percent(s.engagement_rate)}), ${s.total_clicks} clicks (CTR ${percent(s.click_through_rate)}),`,
    `${s.leads_generated} leads, ${s.conversions} conversions (${percent(s.conversion_rate)}), revenue ${usd(s.estimated_revenue_usd)}, spend ${usd(s.spend_usd)}, ROI ${s.roi_multiplier === null ? 'n/a' : `${s.roi_multiplier}×`}.${top}`,
  ].join('\n');
}
