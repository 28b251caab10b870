import { createHash } from 'node:crypto';
import type { RouteDef } from '../routes/route';

/** Section titles by route tag, in the order a reader meets the platform. */
const SECTIONS: Array<[RouteDef['tag'], string]> = [
  ['registry', 'Agents'],
  ['campaigns', 'Campaigns'],
  ['content', 'Content, review and media'],
  ['analytics', 'Analytics'],
  ['webhooks', 'Webhooks'],
  ['gateway', 'Event stream and API keys'],
  ['admin', 'Operator API (operator token)'],
  ['operations', 'Operations'],
];

const INTRODUCTION = [
  'Influgentic is an open-source, self-hostable platform for AI agent influencers: find or build AI influencer personas',
  '("agents"), run campaigns with them, generate and review on-brand content, measure results and receive signed webhooks.',
  'Send the API key as `Authorization: Bearer <key>` (or `X-API-Key: <key>`): `ig_live_…` keys act on live data,',
  '`ig_test_…` sandbox keys on sandbox objects that live keys never see and that are never billed; each key has scopes',
  '(shown per operation below). Give every POST an `Idempotency-Key` header: a retry with the same key and body replays',
  'the first answer instead of acting twice. JSON in and out, snake_case fields. Errors are RFC 9457',
  '`application/problem+json` documents with a stable `code`, and `errors[]` naming each invalid field (422); 429 and 503',
  'carry `Retry-After`. Lists take `limit` (at most 100) and an opaque `cursor`, and answer `{ data, meta: { next_cursor } }`:',
  'follow `next_cursor` until it is null. Content generation streams as Server-Sent Events with `stream: true` or',
  '`Accept: text/event-stream`, and `GET /v1/events/stream` streams the organization\'s events (resume with `Last-Event-ID`).',
].join(' ');

/** The path as the OpenAPI document writes it (`/v1/agents/{id}`). */
function documentPath(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}');
}

/** Who may call an operation: its scope, or how it is reached without one. */
function access(route: RouteDef): string {
  if (route.auth === 'public') return 'public';
  if (route.auth === 'admin') return 'operator token';
  if (!route.scope) return 'any key';
  return typeof route.scope === 'string' ? route.scope : route.scope.anyOf.join(' or ');
}

function operationLine(route: RouteDef): string {
  return `- ${route.method} ${documentPath(route.path)} — ${route.summary} (${access(route)})`;
}

/**
 * `/llms.txt` (llmstxt.org): a short guide to the API for language models, made from the gateway's route table so it
 * names exactly the operations this gateway serves. `baseUrl` makes the links absolute when the public URL is known.
 */
export function renderLlmsTxt(routes: RouteDef[], baseUrl = ''): string {
  const base = baseUrl.replace(/\/+$/, '');
  const known = new Set(SECTIONS.map(([tag]) => tag));
  const sections = [...SECTIONS, ...[...new Set(routes.map((r) => r.tag))].filter((tag) => !known.has(tag)).map((tag) => [tag, tag] as [RouteDef['tag'], string])];
  const lines = [
    '# Influgentic API',
    '',
    `> ${INTRODUCTION}`,
    '',
    `- [OpenAPI 3.1 document](${base}/openapi.json): every operation with its parameters, bodies, responses and scopes`,
    `- [API reference](${base}/docs): the same document, browsable (Swagger UI)`,
  ];
  for (const [tag, title] of sections) {
    const inSection = routes.filter((r) => r.tag === tag);
    if (inSection.length) lines.push('', `## ${title}`, '', ...inSection.map(operationLine));
  }
  return `${lines.join('\n')}\n`;
}

/** The `/llms.txt` operation over a finished route table; the text is made once, when the gateway starts. */
export function llmsTxtRoute(routes: RouteDef[], baseUrl?: string): RouteDef {
  const text = renderLlmsTxt(routes, baseUrl);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  return {
    method: 'GET', path: '/llms.txt', tag: 'operations', summary: 'A short guide to the API for language models', auth: 'public', status: 200, raw: true,
    local: async ({ request, reply }) => {
      reply.header('Cache-Control', 'public, max-age=3600').header('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        reply.code(304).send();
        return;
      }
      reply.code(200).type('text/plain; charset=utf-8').send(text);
    },
  };
}
