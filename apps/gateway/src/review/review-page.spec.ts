import type { ReviewPage } from '@influgentic/contracts';
import { escapeHtml, PAGE_HEADERS, renderErrorPage, renderReviewPage } from './review-page';

const page = (over: Partial<ReviewPage['items'][number]> = {}): ReviewPage => ({
  link: { id: 'rvl_1', note: 'For <Monday>', expires_at: '2030-01-10T09:00:00.000Z' },
  items: [{
    id: 'cnt_1', agent_id: 'agent_1', platform: 'instagram', format: 'instagram_caption', language: 'en', status: 'pending_review', title: null,
    caption: '#ad · AI-generated\n<img src=x onerror=alert(1)> "hi" & bye', hashtags: ['#x'], body: 'same', disclosures: ['#ad'],
    media: [{ index: 0, type: 'image', url: 'javascript:alert(1)', status: 'pending' }, { index: 1, type: 'image', url: 'https://cdn.example/a.png', status: 'pending' }],
    scheduled_at: '2030-01-08T10:00:00.000Z', rejection_reason: null, ...over,
  }],
});

describe('the review page', () => {
  it('escapes everything it shows and loads nothing but https/http media', () => {
    const html = renderReviewPage('tok_en', page());
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;hi&quot; &amp; bye');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<img src="https://cdn.example/a.png"');
    expect(html).toContain('For &lt;Monday&gt;');
    expect(html).not.toMatch(/<script|<link|@import/i);
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('shows the post as it will go out, with approve and reject forms while the state allows them', () => {
    const html = renderReviewPage('tok_en', page());
    expect(html).toContain('<strong>Instagram</strong>');
    expect(html).toContain('goes out Tue, 08 Jan 2030 10:00:00 UTC');
    expect(html).toContain('action="/review/tok_en/items/cnt_1/approve"');
    expect(html).toContain('formaction="/review/tok_en/items/cnt_1/reject"');
    expect(html).toContain('name="comment"');
    expect(html).not.toMatch(/type="submit"[^>]*disabled/);
    const approved = renderReviewPage('tok_en', page({ status: 'approved' }));
    expect(approved).toMatch(/class="approve" type="submit" disabled/);
    expect(approved).not.toMatch(/class="reject" type="submit"[^>]*disabled/);
  });

  it('says the same thing for every link that is not there, and keeps the token out of referrers', () => {
    expect(renderErrorPage(404, 'x')).toContain('This review link is not available');
    expect(PAGE_HEADERS['referrer-policy']).toBe('no-referrer');
    expect(PAGE_HEADERS['content-security-policy']).toContain("default-src 'none'");
  });
});
