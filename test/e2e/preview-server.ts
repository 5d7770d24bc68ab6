/** Global setup: serve the built site and hand its URL to the tests. */
import type { TestProject } from 'vitest/node';
import { startPreview } from './preview.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const preview = await startPreview(Number(process.env.E2E_PORT ?? 4517));
  project.provide('baseURL', preview.url);
  return async () => preview.stop();
}
