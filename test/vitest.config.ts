/**
 * Unit tests (beside the code in src/), the claim suite (test/claims) and
 * cross-layer tests. End-to-end browser tests have their own config
 * (test/e2e/vitest.config.ts) because they need a built site.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
