// Lint: TypeScript rules plus Nx module boundaries — apps import libs, never each other; contracts import
// nothing of ours; infrastructure libs import only contracts and each other.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'libs/sdk/src/generated/**', '.data/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', {
        allow: [],
        depConstraints: [
          { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
          // Receivers use the webhook signature library on its own: it imports nothing of ours.
          { sourceTag: 'kind:standalone', onlyDependOnLibsWithTags: [] },
          // The CLI, the MCP server and the console are clients of the public API: the SDK is all they may use.
          { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:sdk'] },
          { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:campaigns', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:content', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
          { sourceTag: 'scope:webhooks', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
        ],
      }],
    },
  },
  {
    // Tests, tools and benches assemble the whole platform on purpose.
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx', 'tools/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
