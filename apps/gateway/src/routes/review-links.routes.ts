import { CreateReviewLinkBody, ReviewLinkIdParams, ReviewLinkSubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

/** Review links (API.md, Content): made and revoked with a key; the page they open is public (review/review.routes.ts). */
export const reviewLinkRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/content/review-links', tag: 'content', auth: 'key', scope: 'content:write', rateClass: 'write',
    summary: 'Create an expiring review link for chosen items or an agent’s planned week (the url is shown once)',
    status: 201, body: CreateReviewLinkBody, subject: ReviewLinkSubjects.create,
  },
  {
    method: 'DELETE', path: '/v1/content/review-links/:id', tag: 'content', auth: 'key', scope: 'content:write', rateClass: 'write',
    summary: 'Revoke a review link (its page answers 404 at once)', status: 200, params: ReviewLinkIdParams, subject: ReviewLinkSubjects.revoke,
  },
];
