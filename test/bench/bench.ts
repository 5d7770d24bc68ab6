/**
 * `npm run bench`: prints a table of sizes and timings beside their targets
 * and writes bench-results/bench.json. Never part of `npm test` (timings vary
 * with the machine); deterministic byte budgets are asserted there instead.
 * Flags: --no-build (reuse dist/), --quick (skip Lighthouse).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUDGETS, KB } from '../budgets/budgets.ts';
import { siteSizes } from '../budgets/sizes.ts';
import { parseClaims } from '../../src/claims/parse.ts';
import { verifyClaim } from '../claims/verify.ts';
import { openSession } from '../../src/shell/open-session.ts';
import { startPreview } from '../e2e/preview.ts';
import { browserTimings } from './browser-timings.ts';
import { lighthouseScores } from './lighthouse.ts';
import { renderLines } from './render.ts';

interface Row { group: string; what: string; value: string; target: string; ok: boolean | undefined }
const rows: Row[] = [];
const json: Record<string, unknown> = {};
const args = new Set(process.argv.slice(2));
const kb = (n: number): string => `${(n / KB).toFixed(1)} KB`;
const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function row(group: string, what: string, value: string, target = '', ok?: boolean): void { rows.push({ group, what, value, target, ok }); }

// --- build and bytes
if (!args.has('--no-build')) {
  const t0 = performance.now();
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
  const t = performance.now() - t0;
  json.buildMs = t;
  row('build', 'astro build', ms(t));
}
const sizes = siteSizes('dist');
json.sizes = sizes;
for (const p of sizes) {
  row('bytes', `${p.page} HTML`, `${kb(p.html.raw)} / ${kb(p.html.gzip)} gz`);
  row('bytes', `${p.page} CSS`, `${kb(p.css.raw)} / ${kb(p.css.gzip)} gz`);
  row('bytes', `${p.page} JS before interaction`, `${kb(p.initialJs.raw)} / ${kb(p.initialJs.gzip)} gz`, `≤ ${kb(BUDGETS.initialJs.target)} gz`, p.initialJs.gzip <= BUDGETS.initialJs.target);
  if (p.terminalJs.raw) row('bytes', `${p.page} terminal bundle`, `${kb(p.terminalJs.raw)} / ${kb(p.terminalJs.gzip)} gz`, `≤ ${kb(BUDGETS.terminalJs.target)} gz`, p.terminalJs.gzip <= BUDGETS.terminalJs.target);
}

// --- the model in Node
const docker = spawnSync(process.execPath, ['--expose-gc', 'test/bench/docker-run.ts', '1000'], { encoding: 'utf8' });
json.dockerRun = docker.stdout;
for (const line of docker.stdout.split('\n').filter((l) => /containers|per container|heap|wall/i.test(l))) row('node', '1000 × docker run -d (shop/app:1.0)', line.trim(), 'well under 1 s');

const claimFiles = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'));
const claims = claimFiles.flatMap((f) => parseClaims(`content/chapters/${f}`, readFileSync(`content/chapters/${f}`, 'utf8')));
let t0 = performance.now();
let failed = 0;
for (const c of claims) await verifyClaim(c).catch(() => { failed++; });
const claimMs = performance.now() - t0;
json.claims = { count: claims.length, failed, ms: claimMs };
row('node', `claim suite (${claims.length} claims, ${failed} failing)`, ms(claimMs), '', failed === 0);

const render = await renderLines(10_000);
json.render10k = render;
row('node', '`seq 10000` run and rendered (@xterm/headless)', ms(render.ms), 'no stall');

t0 = performance.now();
openSession('laptop', { onOutput: () => undefined });
row('node', 'fresh laptop world + session', ms(performance.now() - t0));

// --- the browser
const preview = await startPreview(4518);
try {
  const b = await browserTimings(preview.url);
  json.browser = b;
  row('chromium', 'terminal visible → first prompt (median of 5)', ms(median(b.firstPrompt)), '≤ 150 ms', median(b.firstPrompt) <= 150);
  row('chromium', "claim Reproduce → its output (median of 3)", ms(median(b.reproduce)));
  if (!args.has('--quick')) {
    const scores = await lighthouseScores(preview.url, b.chapters);
    json.lighthouse = scores;
    for (const s of scores) row('lighthouse', `${s.page} (mobile)`, `perf ${s.performance} · a11y ${s.accessibility} · best ${s.bestPractices} · seo ${s.seo}`, '100 · 100 · 100 · 100', [s.performance, s.accessibility, s.bestPractices, s.seo].every((x) => x === 100));
  }
} finally {
  preview.stop();
}

// --- print
const w = [10, Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.value.length)), 14];
console.log(['group'.padEnd(w[0]), 'what'.padEnd(w[1]), 'measured'.padEnd(w[2]), 'target'].join('  '));
for (const r of rows) console.log([r.group.padEnd(w[0]), r.what.padEnd(w[1]), r.value.padEnd(w[2]), r.target, r.ok === undefined ? '' : r.ok ? '✓' : '✗ (over target)'].join('  '));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ at: new Date().toISOString(), rows, ...json }, null, 2));
console.log('\nwrote bench-results/bench.json');
