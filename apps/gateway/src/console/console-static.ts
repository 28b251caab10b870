import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '@influgentic/contracts';

/** Where `vite build` writes the console (apps/console/dist), unless CONSOLE_DIR names another folder. */
export function defaultConsoleDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONSOLE_DIR ? path.resolve(env.CONSOLE_DIR) : path.resolve(__dirname, '../../../console/dist');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.json': 'application/json', '.map': 'application/json', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
// Vite's output names: `name-<hash>.ext`, nothing that could climb out of the folder.
const ASSET_NAME = /^[A-Za-z0-9_.-]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const MISSING_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Influgentic console not built</title></head>
<body><main><h1>The console has not been built yet</h1>
<p>Build it with <code>node scripts/build-console.js</code> (<code>npm start</code> does this for you), then reload.</p>
<p>The API is at <a href="/v1/agents">/v1</a> and its documentation at <a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Serves the console's single-page app: index.html at `/` and at `/console/*` client routes (no-cache, so a new build
 * is picked up), hashed files under `/assets/` cached for a year. GET and HEAD only; the API's own paths are untouched.
 * A missing build answers a short page saying how to build it.
 */
export function registerConsole(fastify: FastifyInstance, consoleDir: string = defaultConsoleDir()): void {
  const sendIndex = async (reply: FastifyReply) => {
    const html = await readFile(path.join(consoleDir, 'index.html')).catch(() => undefined);
    reply.header('Cache-Control', 'no-cache');
    // The console talks to this origin only; scripts, styles and media come from it too.
    reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!html) return reply.code(200).type('text/html; charset=utf-8').send(MISSING_BUILD);
    return reply.code(200).type('text/html; charset=utf-8').send(html);
  };
  fastify.get('/', (_req, reply) => sendIndex(reply));
  fastify.get('/console', (_req, reply) => sendIndex(reply));
  fastify.get('/console/*', (_req, reply) => sendIndex(reply));
  fastify.get<{ Params: { '*': string } }>('/assets/*', async (req, reply) => {
    const name = req.params['*'];
    const body = ASSET_NAME.test(name) && !name.startsWith('.') ? await readFile(path.join(consoleDir, 'assets', name)).catch(() => undefined) : undefined;
    // Unknown files are the API's usual 404 problem document, never cached.
    if (!body) throw new DomainError('not_found', 'No console file at this path');
    reply.header('Cache-Control', IMMUTABLE);
    reply.header('X-Content-Type-Options', 'nosniff');
    return reply.code(200).type(TYPES[path.extname(name)] ?? 'application/octet-stream').send(body);
  });
}
