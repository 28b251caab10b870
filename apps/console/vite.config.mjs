// The console's build: a single-page app whose hashed files the gateway serves with long-lived cache headers.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@influgentic/sdk': fileURLToPath(new URL('../../libs/sdk/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, target: 'es2022' },
  server: { proxy: { '/v1': 'http://localhost:3000', '/media': 'http://localhost:3000' } },
});
