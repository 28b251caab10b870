import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_TYPES_PATH, gatewayOpenApiDocument, REGENERATE_COMMAND } from './sdk-types';

const ROOT = path.resolve(__dirname, '../..');
const RESOURCES = path.join(ROOT, 'libs/sdk/src/resources');

/** Pages for people (HTML), not for an API client; the typed `client.api` still reaches them. */
const NOT_A_RESOURCE_METHOD = new Set(['GET /published/{id}', 'GET /review/{token}']);

describe('the SDK types', () => {
  const document = gatewayOpenApiDocument();

  it(`match the gateway's OpenAPI document (else run \`${REGENERATE_COMMAND}\`)`, () => {
    const committed = readFileSync(path.join(ROOT, GENERATED_TYPES_PATH), 'utf8');
    // The generator runs as the npm script does, in a Node process of its own (it loads ES modules jest cannot).
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.js'), 'tools/sdk/generate-sdk-types.ts', '--stdout'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const fresh = run.stdout;
    if (committed !== fresh) {
      throw new Error(`${GENERATED_TYPES_PATH} is out of date with the gateway's OpenAPI document: run \`${REGENERATE_COMMAND}\` and commit the result`);
    }
    expect(committed).toContain('"/v1/agents"');
  }, 30_000);

  it('give every operation of the document a resource method', () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`))
      .filter((op) => !NOT_A_RESOURCE_METHOD.has(op));
    const sources = readdirSync(RESOURCES).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(RESOURCES, f), 'utf8')).join('\n');
    const called = new Set([...sources.matchAll(/\.api\.(GET|POST|PUT|PATCH|DELETE)\('([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`));
    const missing = documented.filter((op) => !called.has(op));
    if (missing.length) throw new Error(`operations without a resource method in libs/sdk/src/resources/ (add one): ${missing.join(', ')}`);
    expect(called.size).toBeGreaterThanOrEqual(documented.length);
  });
});
