/**
 * Global setup: serve the built site with `astro preview` on a fixed,
 * uncommon port and hand its URL to the tests. `astro preview` silently moves
 * to the next free port (toolchain.md), so a different port is an error.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

const PORT = 4517;

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ has no built site: run `npm run build` before the e2e tests');
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`astro preview did not start within 30 s:\n${out}`)), 30_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /Local\s+(http:\/\/[^\s]+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`astro preview exited (${code}):\n${out}`)); });
  });
  if (!url.endsWith(`:${PORT}`)) {
    child.kill();
    throw new Error(`astro preview took ${url}, not port ${PORT}: is another server using ${PORT}?`);
  }
  project.provide('baseURL', url);
  return async () => { child.kill(); };
}
