// Lints an OpenAPI document with Redocly's `recommended` rules and prints the problems as JSON.
// A separate process because @redocly/openapi-core is ESM-only and jest loads CommonJS.
// Usage: node tools/openapi/redocly-lint.mjs < openapi.json
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const source = Buffer.concat(chunks).toString('utf8');
const paths = JSON.parse(source).paths ?? {};
const methods = (p) => new Set(Object.keys(paths[p] ?? {}));
// Two paths that only look alike (`/v1/content/{id}/approve`, `/v1/content/review-links/{id}`) are not ambiguous when
// no method is shared: a request of either method can match only one of them.
// Nor are two paths where one has a static segment (`video`) where the other has an id: every id of this API is
// `<prefix>_<ulid>`, so it always holds an underscore, and no static segment does.
const distinguishedByIdShape = (a, b) => {
  const x = a.split('/');
  const y = b.split('/');
  return x.length === y.length && x.some((s, i) => {
    const t = y[i];
    const param = (v) => /^\{.+\}$/.test(v);
    return (param(s) && !param(t) && !t.includes('_')) || (param(t) && !param(s) && !s.includes('_'));
  });
};
const ambiguousForSomeMethod = (problem) => {
  const found = [...problem.message.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (problem.ruleId !== 'no-ambiguous-paths' || found.length !== 2) return true;
  if (distinguishedByIdShape(found[0], found[1])) return false;
  const [a, b] = found.map(methods);
  return [...a].some((m) => b.has(m));
};
const problems = (await lintFromString({ source, absoluteRef: 'openapi.json', config })).filter(ambiguousForSomeMethod);
process.stdout.write(JSON.stringify(problems.map((p) => ({
  rule: p.ruleId, severity: p.severity, message: p.message, where: p.location?.[0]?.pointer,
}))));
