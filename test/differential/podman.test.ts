/**
 * The differential suite (issue 4): the same scripts on real podman (runc,
 * the kernel's overlayfs) and on the model, from the same busybox:1.37
 * layer. Compared: `diff` output, the upper directory (whiteouts as char
 * devices 0/0, opaque directories, copied-up files), what the script saw in
 * the merged view, the default hostname (the container ID's first 12 hex
 * digits), and which /proc/self/ns links differ from the host's.
 * Needs root, podman, runc, busybox-static and attr (.ci/run installs them);
 * without them it says so loudly and the rest of the suite still runs.
 */
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxRootfs } from '../../src/model/image/builtin/busybox.ts';
import { CASES } from './cases.ts';
import { normalise, normaliseDiff } from './listing.ts';
import { ModelSide } from './model.ts';
import { IMAGE, prepareImage, runReal, unavailable } from './real.ts';

const why = unavailable();
if (why) console.warn(`\n*** DIFFERENTIAL SUITE NOT RUN: ${why}. The model is NOT being compared with real podman here. ***\n`);

/** Results for the book's fidelity chapter (content/data/differential.json), rewritten by every real run. */
const RESULTS = 'content/data/differential.json';
interface CaseResult { name: string; script: string; output: string; diff: string[]; upper: string[]; same: boolean }
const results: CaseResult[] = [];

const lowerModes = new Map(busyboxRootfs().map((e) => [`/${e.path.replace(/^\.?\//, '').replace(/\/$/, '')}`, e.mode & 0o7777]));
const lowerMode = (p: string): number | undefined => lowerModes.get(p);

describe.skipIf(why !== undefined)('model vs podman (busybox:1.37)', () => {
  const model = new ModelSide();
  beforeAll(async () => {
    prepareImage();
    await model.prepare();
  }, 120_000);

  it.each(CASES.map((c, i) => [c.name, c, `diff${i}`] as const))('%s', async (_name, c, name) => {
    const real = runReal(name, c.script);
    const sim = await model.run(name, c.script);
    const realDiff = normaliseDiff(real.diff, real.upper, lowerMode);
    const realUpper = normalise(real.upper, lowerMode);
    const same = sim.output === real.output && JSON.stringify(normaliseDiff(sim.diff, sim.upper, lowerMode)) === JSON.stringify(realDiff) && JSON.stringify(normalise(sim.upper, lowerMode)) === JSON.stringify(realUpper);
    results.push({ name: c.name, script: c.script, output: real.output, diff: realDiff, upper: realUpper, same });
    expect(sim.output, 'what the script printed').toBe(real.output);
    expect(normaliseDiff(sim.diff, sim.upper, lowerMode), 'docker diff vs podman diff').toEqual(realDiff);
    expect(normalise(sim.upper, lowerMode), 'upper directory').toEqual(realUpper);
  });

  it('names the container after its ID, like the real engine', async () => {
    const real = runReal('diffhost', 'true');
    const sim = await model.run('diffhost', 'true');
    expect(real.hostname).toBe(real.id.slice(0, 12));
    expect(sim.hostname).toBe(sim.id.slice(0, 12));
  });

  it('puts the process in the same new namespaces, and shows PID 1', async () => {
    const types = ['ipc', 'mnt', 'net', 'pid', 'user', 'uts'];
    const script = `echo $$; for t in ${types.join(' ')}; do echo $t $(readlink /proc/self/ns/$t); done`;
    const realRun = spawnSync('podman', ['--runtime', 'runc', '--cgroup-manager', 'cgroupfs', 'run', '--rm', '--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', IMAGE, 'sh', '-c', script], { encoding: 'utf8' });
    const realHost = new Map(types.map((t) => [t, readlinkSync(`/proc/self/ns/${t}`)]));
    const simOut = await model.sh(`docker run --rm busybox:1.37 sh -c '${script}'`);
    const simHost = new Map(types.map((t) => [t, model.host.readlink(`/proc/self/ns/${t}`)]));
    const differing = (out: string, host: Map<string, string>): string[] =>
      out.trim().split('\n').slice(1).map((l) => l.split(' ')).filter(([t, link]) => host.get(t) !== link).map(([t]) => t);
    expect(simOut.trim().split('\n')[0]).toBe('1');
    expect(realRun.stdout.trim().split('\n')[0]).toBe('1');
    expect(differing(simOut, simHost)).toEqual(differing(realRun.stdout, realHost));
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  afterAll(() => {
    if (results.length !== CASES.length) return;
    const version = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
    const environment = { kernel: version('uname', '-r'), podman: version('podman', '--version'), runc: version('runc', '--version') };
    writeFileSync(RESULTS, JSON.stringify({ environment, cases: results }, null, 2) + '\n');
  });
});

describe('the published results (content/data/differential.json)', () => {
  it('cover exactly the current cases, so the fidelity chapter cannot drift from the suite', () => {
    const published = JSON.parse(readFileSync(RESULTS, 'utf8')) as { cases: CaseResult[] };
    expect(published.cases.map((c) => [c.name, c.script])).toEqual(CASES.map((c) => [c.name, c.script]));
    expect(published.cases.every((c) => c.same)).toBe(true);
  });
});
