/**
 * Benchmark (prints, never asserts): 1000 `docker run -d` of the ~1.2 GB
 * shop/app:1.0 image on one host, (a) through the engine API as the CLI
 * calls it and (b) through the shell running the real docker CLI, with wall
 * time, model heap growth per container, and the host's disk before/after.
 * Run: npx node --expose-gc test/bench/docker-run.ts [N]
 */
import { dockerHost } from '../../src/shell/commands/docker/testing.ts';
import { shellRunner } from '../../src/shell/commands/docker/cli.ts';

const N = Number(process.argv[2] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

async function viaApi(): Promise<void> {
  const h = dockerHost();
  await h.sh('docker pull shop/app:1.0 >/dev/null');
  console.log((await h.sh('df -h /')).out);
  const runner = async () => new Promise<number>(() => {}); // a server that never exits (no code runs)
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const c = h.daemon.create({ image: 'shop/app:1.0' });
    void h.daemon.start(c.id, { runner });
  }
  const ms = performance.now() - t0;
  const grown = heap() - before;
  console.log(`engine API: ${N} × create+start in ${ms.toFixed(0)} ms (${(ms / N).toFixed(3)} ms each); heap +${(grown / 1024 / 1024).toFixed(1)} MiB (${(grown / N / 1024).toFixed(1)} KiB per container)`);
  const df = await h.sh('docker system df; df -h /');
  console.log(df.out + df.err);
}

async function viaShell(): Promise<void> {
  const h = dockerHost();
  await h.sh('docker pull shop/app:1.0 >/dev/null');
  const before = heap();
  const t0 = performance.now();
  const r = await h.sh(`i=0; while [ $i -lt ${N} ]; do docker run -d shop/app:1.0 sleep infinity >/dev/null; i=$((i+1)); done; docker system df; df -h /`);
  const ms = performance.now() - t0;
  const grown = heap() - before;
  console.log(`shell + docker CLI: ${N} × docker run -d in ${ms.toFixed(0)} ms (${(ms / N).toFixed(3)} ms each); heap +${(grown / 1024 / 1024).toFixed(1)} MiB (${(grown / N / 1024).toFixed(1)} KiB per container); \n${r.out}${r.err.slice(0, 300)}`);
  void shellRunner;
}

await viaApi();
await viaShell();
