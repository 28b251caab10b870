import { createHash } from 'node:crypto';
import { expiryOf, linkContext, newReviewToken, reviewTokenHash, weekRange } from './review-links.policy';

describe('review link rules', () => {
  it('make unguessable URL-safe tokens (256 bits) and keep only their SHA-256', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newReviewToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(reviewTokenHash(t)).toBe(createHash('sha256').update(t).digest('hex'));
    }
    // A token of another shape is never looked up.
    for (const bad of ['', 'short', `${'a'.repeat(43)}=`, 'a'.repeat(44), `${'a'.repeat(42)}/`]) expect(reviewTokenHash(bad)).toBeNull();
  });

  it('expire after 72 hours by default, or as asked', () => {
    const now = new Date('2030-01-07T09:00:00Z');
    expect(expiryOf(undefined, now).toISOString()).toBe('2030-01-10T09:00:00.000Z');
    expect(expiryOf(1, now).toISOString()).toBe('2030-01-07T10:00:00.000Z');
  });

  it('act in the organization and mode of the link, with no key and no scopes', () => {
    expect(linkContext({ organization_id: 'org_a', livemode: false }, 'req_1')).toEqual({ requestId: 'req_1', organizationId: 'org_a', livemode: false, scopes: [] });
  });

  it('read a week in the agent\'s time zone', () => {
    expect(weekRange('2030-01-07')).toEqual({ start: new Date('2030-01-07T00:00:00Z'), end: new Date('2030-01-14T00:00:00Z') });
    expect(weekRange('2030-01-07', 'America/New_York')).toEqual({ start: new Date('2030-01-07T05:00:00Z'), end: new Date('2030-01-14T05:00:00Z') });
    expect(weekRange('2030-01-07', 'Asia/Kolkata').start).toEqual(new Date('2030-01-06T18:30:00Z'));
    expect(weekRange('2030-01-07', 'Not/AZone').start).toEqual(new Date('2030-01-07T00:00:00Z'));
  });
});
