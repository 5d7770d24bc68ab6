/**
 * Component tests render .astro files, so they need Astro's Vite plugins
 * (getViteConfig; toolchain.md "Component tests"). They are named *.spec.ts
 * so the plain unit config (test/vitest.config.ts, *.test.ts) leaves them out.
 * Run: npx vitest run --config src/components/vitest.config.ts
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: ['src/components/**/*.spec.ts'] },
} as Parameters<typeof getViteConfig>[0]);
