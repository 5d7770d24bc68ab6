import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatInfo, formattingLine, qcow2Data, qcow2EmptyBytes, readImage } from './disk-image.ts';
import { GiB, MiB } from './units.ts';

// Differential test: the model's qemu-img texts and qcow2 file lengths against the real
// qemu-img (Debian's qemu-utils), when it is installed. Without it, say so loudly and skip.
let real: string | undefined;
try {
  real = execFileSync('qemu-img', ['--version'], { encoding: 'utf8' }).split('\n')[0];
} catch {
  real = undefined;
}
if (!real) console.warn('disk-image.real.test.ts: qemu-img not found (apt-get install -y qemu-utils): the comparison with the real tool is SKIPPED');

describe.skipIf(!real)(`model vs ${real ?? 'qemu-img'}`, () => {
  const dir = real ? mkdtempSync(join(tmpdir(), 'qemu-img-model-')) : '';
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
  const qemu = (...args: string[]): string => execFileSync('qemu-img', args, { cwd: dir, encoding: 'utf8' });

  it.each([
    ['base.qcow2', 10 * GiB],
    ['small.qcow2', 112 * MiB],
    ['odd.qcow2', 3.5 * GiB],
  ])('create + info of %s (%d bytes)', (name, size) => {
    expect(qemu('create', '-f', 'qcow2', name, String(size))).toBe(formattingLine(name, 'qcow2', size));
    const length = statSync(join(dir, name)).size;
    expect(length).toBe(qcow2EmptyBytes(size));
    expect(qemu('info', name)).toBe(formatInfo(name, readImage(qcow2Data({ virtualBytes: size, generation: name }))));
  });

  it('an overlay with a backing file', () => {
    qemu('create', '-f', 'qcow2', 'b.qcow2', String(GiB));
    expect(qemu('create', '-f', 'qcow2', '-b', 'b.qcow2', '-F', 'qcow2', 'o.qcow2')).toBe(formattingLine('o.qcow2', 'qcow2', GiB, { file: 'b.qcow2', format: 'qcow2' }));
    const model = formatInfo('o.qcow2', readImage(qcow2Data({ virtualBytes: GiB, backingFile: 'b.qcow2', backingFormat: 'qcow2', generation: 'o' })));
    expect(qemu('info', 'o.qcow2')).toBe(model);
  });

  it('raw create line (the model does not make raw files sparse: disk size differs, so only the create line is compared)', () => {
    expect(qemu('create', '-f', 'raw', 'd.raw', String(GiB))).toBe(formattingLine('d.raw', 'raw', GiB));
  });
});
