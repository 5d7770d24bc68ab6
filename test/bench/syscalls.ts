/**
 * Where a container's start goes (prints, never asserts): wall time per
 * system call made while creating and starting N containers through the
 * engine API. Run: npx node test/bench/syscalls.ts [N]
 */
import { dockerHost } from '../../src/shell/commands/docker/testing.ts';
import { SysImpl } from '../../src/model/kernel/sys.ts';

const N = Number(process.argv[2] ?? 300);
const h = dockerHost();
await h.sh('docker pull shop/app:1.0 >/dev/null');
const acc: Record<string, [number, number]> = {};
const proto = SysImpl.prototype as unknown as Record<string, unknown>;
for (const k of Object.getOwnPropertyNames(proto)) {
  const desc = Object.getOwnPropertyDescriptor(proto, k);
  if (!desc || typeof desc.value !== 'function' || k === 'constructor') continue;
  const f = desc.value as (...a: unknown[]) => unknown;
  proto[k] = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    try {
      return f.apply(this, a);
    } finally {
      const e = (acc[k === 'mount' ? `mount:${String(a[2])}` : k] ??= [0, 0]);
      e[0] += performance.now() - t;
      e[1]++;
    }
  };
}
const runner = async () => new Promise<number>(() => {});
let tc = 0;
let ts = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  let t = performance.now();
  const c = h.daemon.create({ image: 'shop/app:1.0', cmd: ['sleep', 'infinity'] });
  tc += performance.now() - t;
  t = performance.now();
  void h.daemon.start(c.id, { runner });
  ts += performance.now() - t;
  if ((i + 1) % (N / 4) === 0) console.log(`${i + 1} containers: ${(performance.now() - t0).toFixed(0)} ms`);
}
console.log(`create ${(tc / N).toFixed(2)} ms, start ${(ts / N).toFixed(2)} ms per container (mean over ${N})`);
for (const [k, [t, n]] of Object.entries(acc).sort((a, b) => b[1][0] - a[1][0]).slice(0, 16)) console.log(k.padEnd(16), (t / N).toFixed(3), 'ms/container', (n / N).toFixed(1), 'calls/container');
