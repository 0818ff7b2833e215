import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The review UI: plain TypeScript, bundled to static files that the API serves. `npm start` and the
 * browser tests build it through tools/web-build.ts; `npx vite --config apps/web/vite.config.ts`
 * serves it with live reload against an API on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    alias: { '@icd/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 4096 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
