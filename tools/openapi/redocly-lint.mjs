// Lints an OpenAPI document with Redocly's `recommended` rules and prints the problems as JSON.
// A separate process because @redocly/openapi-core is ESM-only and jest loads CommonJS.
// Usage: node tools/openapi/redocly-lint.mjs < openapi.json
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: Buffer.concat(chunks).toString('utf8'), absoluteRef: 'openapi.json', config });
process.stdout.write(JSON.stringify(problems.map((p) => ({
  rule: p.ruleId, severity: p.severity, message: p.message, where: p.location?.[0]?.pointer,
}))));
