import type { ContentStatus, ReviewPage, ReviewPageItem } from '@influgentic/contracts';

/**
 * The review page, rendered on the server: no framework, no script, no external asset. Every value is escaped; media
 * are shown only from http(s) URLs. A reviewer sees each item as it will go out and approves or rejects it with a
 * comment through a plain form.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Headers every review page carries: nothing loads from elsewhere, the token never leaks through a Referer. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: http:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const STYLE = `
  body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f5f5f7;color:#1d1d1f}
  main{max-width:760px;margin:0 auto;padding:24px 16px 64px}
  h1{font-size:22px;margin:0 0 4px} .meta{color:#6e6e73;font-size:14px}
  .note{background:#fff;border-left:4px solid #0071e3;padding:12px 16px;margin:16px 0;white-space:pre-wrap}
  .notice{background:#e8f5e9;padding:10px 16px;border-radius:8px;margin:16px 0} .notice.warn{background:#fff4e5}
  article{background:#fff;border-radius:12px;padding:16px 20px;margin:20px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
  .head{display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:14px;color:#6e6e73}
  .badge{border-radius:999px;padding:2px 10px;font-weight:600;font-size:13px;background:#eee;color:#333}
  .s-approved,.s-scheduled,.s-published{background:#e3f6e8;color:#1b5e20} .s-rejected,.s-failed,.s-publish_failed{background:#fdecea;color:#b71c1c}
  .s-pending_review{background:#fff4e5;color:#8a5300}
  .caption{white-space:pre-wrap;font-size:15px;margin:12px 0;padding:12px;border:1px solid #e5e5ea;border-radius:8px}
  details{margin:8px 0} details pre{white-space:pre-wrap;font:inherit}
  .media{display:flex;gap:8px;flex-wrap:wrap} .media img{max-width:220px;border-radius:8px}
  textarea{width:100%;box-sizing:border-box;min-height:64px;font:inherit;padding:8px;border-radius:8px;border:1px solid #c7c7cc}
  .actions{display:flex;gap:8px;margin-top:8px}
  button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:8px 18px;cursor:pointer}
  .approve{background:#1b873f;color:#fff} .reject{background:#c62828;color:#fff} button:disabled{opacity:.4;cursor:not-allowed}
`;

const PLATFORM_NAMES: Record<string, string> = {
  instagram: 'Instagram', tiktok: 'TikTok', x: 'X', threads: 'Threads', linkedin: 'LinkedIn', youtube: 'YouTube', facebook: 'Facebook',
  pinterest: 'Pinterest', email: 'Email', blog: 'Blog',
};

const STATUS_LABELS: Partial<Record<ContentStatus, string>> = {
  pending_review: 'Waiting for review', approved: 'Approved', scheduled: 'Scheduled', published: 'Published', rejected: 'Rejected',
  failed: 'Failed', generating: 'Being written', publish_failed: 'Publishing failed',
};

/** Which decisions the item's state still allows (the service has the last word). */
const CAN_APPROVE = new Set<ContentStatus>(['pending_review']);
const CAN_REJECT = new Set<ContentStatus>(['pending_review', 'approved']);

const when = (iso: string) => new Date(iso).toUTCString().replace(' GMT', ' UTC');
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

function mediaHtml(item: ReviewPageItem): string {
  const shown = item.media.map((m) => {
    const url = safeUrl(m.url);
    if (!url) return `<span class="meta">${escapeHtml(m.type)} ${escapeHtml(m.index)}: ${escapeHtml(m.status)}</span>`;
    return m.type === 'image'
      ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(m.prompt ?? `image ${m.index}`)}">`
      : `<a href="${escapeHtml(url)}" rel="noreferrer noopener">video ${escapeHtml(m.index)}</a>`;
  });
  return shown.length ? `<div class="media">${shown.join('')}</div>` : '';
}

function itemHtml(token: string, item: ReviewPageItem): string {
  const base = `/review/${encodeURIComponent(token)}/items/${encodeURIComponent(item.id)}`;
  const platform = item.platform ? PLATFORM_NAMES[item.platform] ?? item.platform : 'Any platform';
  const documentBody = item.body.trim() && item.body.trim() !== item.caption.trim();
  return `<article id="item-${escapeHtml(item.id)}">
  <div class="head"><strong>${escapeHtml(platform)}</strong><span>${escapeHtml(item.format.replace(/_/g, ' '))}</span>
    <span>${item.scheduled_at ? `goes out ${escapeHtml(when(item.scheduled_at))}` : 'not scheduled yet'}</span>
    <span class="badge s-${escapeHtml(item.status)}">${escapeHtml(STATUS_LABELS[item.status] ?? item.status)}</span></div>
  ${item.title ? `<h2>${escapeHtml(item.title)}</h2>` : ''}
  <div class="caption">${escapeHtml(item.caption)}</div>
  ${mediaHtml(item)}
  ${documentBody ? `<details><summary>Full text</summary><pre>${escapeHtml(item.body)}</pre></details>` : ''}
  ${item.rejection_reason ? `<p class="meta">Rejected: ${escapeHtml(item.rejection_reason)}</p>` : ''}
  <form method="post" action="${escapeHtml(`${base}/approve`)}">
    <label class="meta" for="c-${escapeHtml(item.id)}">Comment (optional)</label>
    <textarea id="c-${escapeHtml(item.id)}" name="comment" maxlength="2000"></textarea>
    <div class="actions">
      <button class="approve" type="submit"${CAN_APPROVE.has(item.status) ? '' : ' disabled'}>Approve</button>
      <button class="reject" type="submit" formaction="${escapeHtml(`${base}/reject`)}"${CAN_REJECT.has(item.status) ? '' : ' disabled'}>Reject</button>
    </div>
  </form>
</article>`;
}

function layout(title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${inner}</main></body></html>`;
}

export interface PageNotice { kind: 'done' | 'conflict'; contentId: string; decision?: string }

export function renderReviewPage(token: string, page: ReviewPage, notice?: PageNotice): string {
  const n = page.items.length;
  const waiting = page.items.filter((i) => i.status === 'pending_review').length;
  const message = notice
    ? notice.kind === 'done'
      ? `<div class="notice">Thanks — ${escapeHtml(notice.decision === 'reject' ? 'rejected' : 'approved')}.</div>`
      : `<div class="notice warn">That post was already decided; its current state is shown below.</div>`
    : '';
  return layout('Content review', `
  <h1>Content review</h1>
  <p class="meta">${n} post${n === 1 ? '' : 's'}, ${waiting} waiting for review · link valid until ${escapeHtml(when(page.link.expires_at))}</p>
  ${page.link.note ? `<div class="note">${escapeHtml(page.link.note)}</div>` : ''}
  ${message}
  ${page.items.map((i) => itemHtml(token, i)).join('\n')}
  ${n === 0 ? '<p>There is nothing to review here any more.</p>' : ''}`);
}

export function renderErrorPage(status: number, message: string): string {
  return layout('Content review', `<h1>${status === 404 ? 'This review link is not available' : 'Please try again shortly'}</h1><p>${escapeHtml(message)}</p>`);
}
