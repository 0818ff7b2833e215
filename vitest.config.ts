import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@icd/contracts': fileURLToPath(new URL('./libs/contracts/src/index.ts', import.meta.url)),
  '@icd/terminology/testing': fileURLToPath(new URL('./libs/terminology/src/testing.ts', import.meta.url)),
  '@icd/terminology': fileURLToPath(new URL('./libs/terminology/src/index.ts', import.meta.url)),
  '@icd/detector': fileURLToPath(new URL('./libs/detector/src/index.ts', import.meta.url)),
  '@icd/phi/testing': fileURLToPath(new URL('./libs/phi/src/testing/index.ts', import.meta.url)),
  '@icd/phi': fileURLToPath(new URL('./libs/phi/src/index.ts', import.meta.url)),
};

// Makes sure a Redis answers on REDIS_URL, starting redis-server for the run when none does.
const redisSetup = fileURLToPath(new URL('./tools/vitest/redis-global-setup.ts', import.meta.url));
// Builds the review UI (apps/web) when stale, for the browser tests that the API serves it to.
const webBuildSetup = fileURLToPath(new URL('./tools/vitest/web-build-global-setup.ts', import.meta.url));

const project = (name: string, root: string, timeout = 20_000, globalSetup: string[] = []) => ({
  resolve: { alias },
  test: {
    name,
    root,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: timeout,
    hookTimeout: 180_000,
    globalSetup,
  },
});

// One root config; each Nx project's `test` target runs its own project from here.
export default defineConfig({
  test: {
    projects: [
      project('contracts', 'libs/contracts'),
      project('terminology', 'libs/terminology', 60_000),
      project('detector', 'libs/detector', 60_000),
      project('phi', 'libs/phi', 60_000),
      project('api', 'apps/api', 120_000, [redisSetup]),
      project('worker', 'apps/worker', 120_000, [redisSetup, webBuildSetup]),
      project('cli', 'apps/cli', 120_000),
      project('web', 'apps/web'),
    ],
  },
});
