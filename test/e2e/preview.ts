/**
 * Serve the built site with `astro preview` on a fixed port. `astro preview`
 * silently moves to the next free port (toolchain.md), so a different port
 * is an error rather than a surprise.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Preview {
  readonly url: string;
  stop(): void;
}

export async function startPreview(port: number): Promise<Preview> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ has no built site: run `npm run build` first');
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
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
  if (!url.endsWith(`:${port}`)) {
    child.kill();
    throw new Error(`astro preview took ${url}, not port ${port}: is another server using ${port}?`);
  }
  return { url, stop: () => child.kill() };
}
