/**
 * Build-time measurement reads the model's output the way a reader does:
 * time(1)'s real line (bash format), free(1)'s used column, df(1)'s Used on /.
 */
import { describe, expect, it } from 'vitest';
import { measureScript, parseDfUsed, parseFreeUsed, parseReal } from './measure.ts';
import { densityScript, measureDensity, measureStartup } from './series.ts';

describe('parsers', () => {
  it.each([
    ['real\t0m0.550s\nuser\t0m0.000s', [0.55]],
    ['real\t1m12.108s\nreal\t0m0.137s', [72.108, 0.137]],
    ['no time here', []],
  ])('parseReal(%j)', (out, want) => expect(parseReal(out)).toEqual(want));
  it('parseFreeUsed reads the Mem: used column (procps free -m)', () => {
    expect(parseFreeUsed('               total        used        free\nMem:           15892         300       15473\nSwap: 0 0 0')).toEqual([300]);
  });
  it('parseDfUsed reads Used on / only (coreutils df, 1K blocks)', () => {
    const df = 'Filesystem     1K-blocks     Used Available Use% Mounted on\n/dev/sda1      500000000 11231656 463768344   3% /\ntmpfs 8388608 0 8388608   0% /dev/shm';
    expect(parseDfUsed(df)).toEqual([11231656]);
  });
});

describe('measureScript on the laptop', () => {
  it('reports the same virtual time as `time { script; }` prints', async () => {
    const script = 'docker pull -q alpine\ndocker run --rm alpine true';
    const plain = await measureScript('laptop', script);
    const timed = await measureScript('laptop', `time {\n${script}\n}`);
    expect(parseReal(timed.output)).toEqual([plain.seconds]);
    expect(plain.seconds).toBeGreaterThan(0);
  });
  it('sees a VM take host memory and a container barely any', async () => {
    const c = await measureScript('laptop', 'docker run -d alpine sleep 1d', 'docker pull -q alpine');
    const v = await measureScript('laptop', 'vm create v --linked\nvm start v -q');
    expect(c.usedMiB.after - c.usedMiB.before).toBeLessThan(16);
    expect(v.usedMiB.after - v.usedMiB.before).toBeGreaterThanOrEqual(2048);
  });
  it('fails naming the line that exited non-zero', async () => {
    await expect(measureScript('laptop', 'true\nvm start nosuchvm')).rejects.toThrow('`vm start nosuchvm` exited');
  });
});

describe('chart series', () => {
  it('densityScript grows from one count to the next, reading free -m at each', () => {
    expect(densityScript({ label: 'c', start: 'S$i' }, [1, 3])).toBe('for i in $(seq 1 1); do S$i; done; free -m\nfor i in $(seq 2 3); do S$i; done; free -m');
  });
  it('start-up: microVM < container < full VM, the full VM over a minute (chapter 6 claim start-time)', async () => {
    const [c, micro, full] = await measureStartup();
    expect(micro.seconds).toBeLessThan(c.seconds);
    expect(c.seconds).toBeLessThan(1);
    expect(full.seconds).toBeGreaterThan(60);
  });
  it('density: memory added grows with N; a full VM costs over 2 GiB each, a container under 8 MiB', async () => {
    const [containers, , full] = await measureDensity();
    for (const p of containers.points) expect(p.addedMiB).toBeLessThan(8 * p.n);
    for (const p of full.points) expect(p.addedMiB).toBeGreaterThanOrEqual(2048 * p.n);
  });
});
