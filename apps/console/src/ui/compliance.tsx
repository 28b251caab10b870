import type { ContentItem } from '@influgentic/sdk';

/** The disclosures added and the compliance flags raised on an item, in words. */
export function ComplianceSummary({ item }: { item: ContentItem }) {
  const flags = item.compliance.flags.map((f) => describeFlag(f));
  return (
    <div className="compliance" data-testid="compliance">
      <p><strong>Compliance ({item.compliance.mode}):</strong> {item.disclosures.length ? `disclosures ${item.disclosures.join(' ')}` : 'no disclosures added'}.</p>
      {flags.length ? <ul className="flags">{flags.map((f, i) => <li key={i}>{f}</li>)}</ul> : <p className="muted">No flags.</p>}
      {item.compliance.review_reasons.length ? <p>Needs review: {item.compliance.review_reasons.join('; ')}</p> : null}
    </div>
  );
}

function describeFlag(flag: Record<string, unknown>): string {
  const parts = ['message', 'reason', 'rule', 'code', 'kind', 'type'].map((k) => flag[k]).filter((v): v is string => typeof v === 'string');
  return parts.length ? parts.slice(0, 2).join(' — ') : Object.entries(flag).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
}
