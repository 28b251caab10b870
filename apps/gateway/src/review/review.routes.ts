import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError, ERROR_STATUS, ReviewDecisionBody, ReviewDecisionParams, ReviewLinkSubjects, ReviewTokenParams,
  type RequestContext, type ReviewDecisionKind, type ReviewDecisionResult, type ReviewPage,
} from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { AuthFailureGuard } from '../rate-limit/auth-failures';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { LocalCall, RouteDef } from '../routes/route';
import { PAGE_HEADERS, renderErrorPage, renderReviewPage, type PageNotice } from './review-page';

export interface ReviewRouteDeps {
  bus: BusClient;
  limiter: RateLimiter;
  /** Unknown, expired or revoked tokens count as failed credentials of the address (shared with API keys). */
  authFailures?: AuthFailureGuard;
  rpcTimeoutMs: number;
  /** Requests per minute and client address on the public review routes. */
  perMinute: number;
}

/** The review subjects carry no tenant: the token is the credential, and the content service resolves the rest. */
const tenantless = (requestId: string): RequestContext => ({ requestId, organizationId: '', livemode: false, scopes: [] });

const wantsHtml = (req: FastifyRequest) => /text\/html/i.test(String(req.headers.accept ?? ''));
const isForm = (req: FastifyRequest) => /^application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] ?? ''));

/** Every public review request counts against its address; guessing tokens also counts as failed credentials. */
async function admit(deps: ReviewRouteDeps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const blocked = deps.authFailures?.blockedFor(req.ip) ?? 0;
  const d = blocked > 0 ? null : await deps.limiter.hit(deps.limiter.addressBucket('review', req.ip), deps.perMinute);
  if (blocked > 0 || (d && !d.allowed)) {
    reply.header('Retry-After', String(blocked || d?.resetSeconds || 1));
    throw new DomainError('rate_limited', 'Too many review requests from this address; retry shortly');
  }
}

async function ask<T>(deps: ReviewRouteDeps, subject: string, payload: unknown, req: FastifyRequest): Promise<T> {
  try {
    return await deps.bus.request<T>(subject, payload, tenantless(req.id), deps.rpcTimeoutMs);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') await deps.authFailures?.recordFailure(req.ip).catch(() => undefined);
    throw err;
  }
}

/** A browser gets its refusal as a page; everyone else as the problem document the pipeline writes. */
function sendPage(reply: FastifyReply, status: number, html: string): void {
  for (const [k, v] of Object.entries(PAGE_HEADERS)) reply.header(k, v);
  reply.code(status).type('text/html; charset=utf-8').send(html);
}

function pageError(err: unknown, call: LocalCall): void {
  if (!(err instanceof DomainError) || !wantsHtml(call.request) || call.request.method !== 'GET') throw err;
  const status = ERROR_STATUS[err.code];
  if (status !== 404 && status !== 429 && status !== 503) throw err;
  sendPage(call.reply, status, renderErrorPage(status, status === 404 ? 'It may have expired or been withdrawn. Ask the sender for a new one.' : err.message));
}

function noticeFrom(query: Record<string, unknown>): PageNotice | undefined {
  const id = typeof query.done === 'string' ? query.done : typeof query.conflict === 'string' ? query.conflict : null;
  if (!id || id.length > 255) return undefined;
  return { kind: typeof query.done === 'string' ? 'done' : 'conflict', contentId: id, decision: typeof query.decision === 'string' ? query.decision : undefined };
}

async function servePage(deps: ReviewRouteDeps, call: LocalCall): Promise<void> {
  try {
    await admit(deps, call.request, call.reply);
    const page = await ask<ReviewPage>(deps, ReviewLinkSubjects.page, { token: call.params.token }, call.request);
    sendPage(call.reply, 200, renderReviewPage(call.params.token, page, noticeFrom(call.query)));
  } catch (err) {
    pageError(err, call);
  }
}

async function serveDecision(deps: ReviewRouteDeps, call: LocalCall, decision: ReviewDecisionKind): Promise<void> {
  const { token, content_id } = call.params;
  const comment = (call.body as { comment?: string | null } | undefined)?.comment ?? null;
  await admit(deps, call.request, call.reply);
  const back = (q: string) => `/review/${encodeURIComponent(token)}?${q}#item-${encodeURIComponent(content_id)}`;
  let result: ReviewDecisionResult;
  try {
    result = await ask<ReviewDecisionResult>(deps, ReviewLinkSubjects.decide, { token, content_id, decision, comment }, call.request);
  } catch (err) {
    // A form post for an item already decided goes back to the page, which shows where it stands now.
    if (isForm(call.request) && err instanceof DomainError && ERROR_STATUS[err.code] === 409) {
      call.reply.code(303).header('Location', back(`conflict=${encodeURIComponent(content_id)}`)).header('cache-control', 'no-store').send();
      return;
    }
    if (isForm(call.request) && err instanceof DomainError && ERROR_STATUS[err.code] === 404) {
      return sendPage(call.reply, 404, renderErrorPage(404, 'It may have expired or been withdrawn. Ask the sender for a new one.'));
    }
    throw err;
  }
  if (isForm(call.request)) {
    call.reply.code(303).header('Location', back(`done=${encodeURIComponent(content_id)}&decision=${decision}`)).header('cache-control', 'no-store').send();
    return;
  }
  call.reply.code(200).type('application/json').header('cache-control', 'no-store').send(JSON.stringify(result));
}

/**
 * The page a review link opens, served without an API key: `GET /review/{token}` (HTML) and the decisions its forms
 * post (`application/x-www-form-urlencoded`, answered with a 303 back to the page) or a client sends as JSON.
 */
export function publicReviewRoutes(deps: ReviewRouteDeps): RouteDef[] {
  const decisionRoute = (decision: ReviewDecisionKind): RouteDef => ({
    method: 'POST', path: `/review/:token/items/:content_id/${decision}`, tag: 'content', auth: 'public', status: 200, raw: true,
    summary: `${decision === 'approve' ? 'Approve' : 'Reject'} one item of a review link, with an optional comment (no API key: the token is the credential)`,
    params: ReviewDecisionParams, body: ReviewDecisionBody, formBody: true, addressLimited: true,
    local: (call) => serveDecision(deps, call, decision),
  });
  return [
    {
      method: 'GET', path: '/review/:token', tag: 'content', auth: 'public', status: 200, raw: true, html: true, addressLimited: true,
      summary: 'The review page of a review link: each item as it will appear, with approve and reject (no API key: the token is the credential)',
      params: ReviewTokenParams, local: (call) => servePage(deps, call),
    },
    decisionRoute('approve'),
    decisionRoute('reject'),
  ];
}
