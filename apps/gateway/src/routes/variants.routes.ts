import { ContentIdParams, CreateVariantsBody, VariantSelectParams, VariantSubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

/**
 * A variant is written by the item's generator; with a remote model three of them can take a while, so this budget is
 * the generation one rather than the gateway's usual RPC timeout.
 */
const VARIANTS_TIMEOUT_MS = Number(process.env.CONTENT_GENERATE_TIMEOUT_MS ?? 90_000);

/** Caption variants (API.md, Content): 2–3 rewrites of an item's caption, one style each; one may be selected. */
export const variantRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/content/:id/variants', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Write 2–3 caption variants (story-led, question-led, cta-led, punchy); replaces the item’s previous variants',
    status: 201, params: ContentIdParams, body: CreateVariantsBody, subject: VariantSubjects.create, timeoutMs: VARIANTS_TIMEOUT_MS,
  },
  {
    method: 'GET', path: '/v1/content/:id/variants', tag: 'content', auth: 'key', scope: 'content:read', rateClass: 'read',
    summary: 'List an item’s caption variants', status: 200, params: ContentIdParams, subject: VariantSubjects.list,
  },
  {
    method: 'PUT', path: '/v1/content/:id/variants/:idx/select', tag: 'content', auth: 'key', scope: 'content:write', rateClass: 'write',
    summary: 'Copy a variant into the item’s caption (locked after publish)', status: 200, params: VariantSelectParams, subject: VariantSubjects.select,
  },
];
