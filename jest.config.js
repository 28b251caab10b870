// One jest config for the monorepo: unit tests beside the code (*.spec.ts), integration and e2e tests under
// apps/*/test and libs/*/test (*.test.ts). SWC compiles with decorator metadata, as NestJS needs.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const shared = {
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // ESM-only packages that CommonJS code requires (Node 20 loads them natively; jest's runtime needs them compiled).
    '^.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: { '^@influgentic/(contracts|messaging|persistence|observability|webhook-signature|media|sdk)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tools/jest/setup-env.js'],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'] },
  ],
};
