import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../model/clock.ts';
import { Hypervisor, LIBVIRT_SOCK } from '../../../model/hypervisor/hypervisor.ts';
import { stubHost } from '../../../model/hypervisor/testkit.ts';
import { GiB } from '../../../model/hypervisor/units.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { Rng } from '../../../model/rng.ts';
import type { Command, CommandContext } from '../../types.ts';
import { lsmodRow } from './lsmod.ts';
import { qemuImg } from './qemu-img.ts';
import { virsh, vshTable } from './virsh.ts';
import { vm } from './vm.ts';

let clock: VirtualClock;
let host: ReturnType<typeof stubHost>;

async function run(cmd: Command, line: string, sys: Sys = host.sys): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CommandContext = {
    argv: line.split(' ').filter(Boolean),
    env: new Map(),
    stdin: { readAll: async () => '' },
    stdout: { write: (t) => { out += t; }, isTty: false },
    stderr: { write: (t) => { err += t; }, isTty: false },
    sys,
    columns: 80,
    checkpoint: async () => undefined,
    runShell: async () => 0,
    interact: async () => 0,
  };
  const status = await cmd.run(ctx);
  return { status, out, err };
}

beforeEach(() => {
  clock = new VirtualClock();
  host = stubHost(8 * GiB, clock);
  host.registerSocket(LIBVIRT_SOCK, new Hypervisor({ host: host.sys, clock, rng: new Rng(3) }));
});

// libvirt tools/vsh-table.c vshTablePrint.
describe('virsh list', () => {
  it('prints libvirt\'s table', () => {
    expect(vshTable([['Id', 'Name', 'State']])).toBe(' Id   Name   State\n--------------------\n');
  });

  it('shows running domains by Id, then the shut-off ones with --all', async () => {
    await run(vm, 'vm create web --linked');
    await run(vm, 'vm create db --linked');
    await run(virsh, 'virsh start web');
    expect((await run(virsh, 'virsh list --all')).out).toBe(
      ' Id   Name   State\n' +
      '-----------------------\n' +
      ' 1    web    running\n' +
      ' -    db     shut off\n\n');
    expect((await run(virsh, 'virsh list')).out).toBe(' Id   Name   State\n----------------------\n 1    web    running\n\n');
  });
});

describe('virsh lifecycle messages and errors (virsh-domain.c)', () => {
  it.each([
    ['virsh start vm1', 0, "Domain 'vm1' started\n\n", ''],
    ['virsh shutdown vm1', 1, '', "error: Failed to shutdown domain 'vm1'\nerror: Requested operation is not valid: domain is not running\n"],
    ['virsh destroy vm1', 1, '', "error: Failed to destroy domain 'vm1'\nerror: Requested operation is not valid: domain is not running\n"],
    ['virsh dominfo nope', 1, '', "error: failed to get domain 'nope'\n"],
    ['virsh domstate vm1', 0, 'shut off\n\n', ''],
    ['virsh frobnicate vm1', 1, '', "error: unknown command: 'frobnicate'\n"],
  ])('%s', async (line, status, out, err) => {
    await run(vm, 'vm create vm1');
    expect(await run(virsh, line)).toEqual({ status, out, err });
  });

  it('dominfo shows vCPUs and memory in KiB', async () => {
    await run(vm, 'vm create vm1 --memory 1G --cpus 4');
    const { out } = await run(virsh, 'virsh dominfo vm1');
    expect(out).toContain('CPU(s):         4\n');
    expect(out).toContain('Max memory:     1048576 KiB\n');
    expect(out).toMatch(/^Id:             -\nName:           vm1\nUUID:           [0-9a-f-]{36}\nOS Type:        hvm\nState:          shut off\n/);
  });

  it('dumpxml shows the qcow2 backing chain of a linked clone', async () => {
    await run(vm, 'vm create vm1 --linked');
    const { out } = await run(virsh, 'virsh dumpxml vm1');
    expect(out).toContain("<driver name='qemu' type='qcow2'/>");
    expect(out).toContain("<source file='/var/lib/libvirt/images/noble-server-cloudimg-amd64.img'/>");
  });

  it('without libvirtd virsh cannot connect', async () => {
    host = stubHost(GiB, clock);
    expect(await run(virsh, 'virsh list')).toEqual({ status: 1, out: '', err: "error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused\n" });
  });
});

describe('vm start waits out the boot on the virtual clock (claim start-time)', () => {
  it.each([
    ['full', 'vm create a', 72_108_500, 'a: booted in 1min 12.108s (firmware 1.500s + loader 1s + kernel 2.584s + initrd 19.176s + userspace 47.847s)'],
    ['microvm', 'vm create a --profile microvm', 137_000, 'a: booted in 137ms (vmm 12ms + kernel 125ms)'],
  ])('%s profile', async (_n, create, us, summary) => {
    await run(vm, create);
    const t0 = clock.now;
    const r = await run(vm, 'vm start a');
    expect(clock.now - t0).toBe(us);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(summary);
    expect(r.out).toContain('a login: ');
  });

  it('vm start -q prints only the summary', async () => {
    await run(vm, 'vm create a --profile microvm');
    expect((await run(vm, 'vm start a -q')).out).toBe('a: booted in 137ms (vmm 12ms + kernel 125ms)\n');
  });

  it('ssh before boot is refused, after shutdown there is no route', async () => {
    await run(vm, 'vm create a');
    (host.sys.connect(LIBVIRT_SOCK) as Hypervisor).start('a');
    expect(await run(vm, 'vm ssh a -- uname -r')).toEqual({ status: 255, out: '', err: 'ssh: connect to host 192.168.122.2 port 22: Connection refused\n' });
    await run(vm, 'vm destroy a');
    expect((await run(vm, 'vm ssh a -- uname -r')).err).toBe('ssh: connect to host 192.168.122.2 port 22: No route to host\n');
  });

  it('refuses a VM larger than the host can reserve', async () => {
    await run(vm, 'vm create big --memory 16G');
    expect(await run(vm, 'vm start big')).toEqual({ status: 1, out: '', err: "vm start: internal error: process exited while connecting to monitor: qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory\n" });
  });
});

// qemu-img(1); QEMU block.c bdrv_img_create messages.
describe('qemu-img', () => {
  const dir = '/var/lib/libvirt/images';
  it.each([
    [`qemu-img create -f qcow2 ${dir}/x.qcow2 10G`, 0, `Formatting '${dir}/x.qcow2', fmt=qcow2 cluster_size=65536 extended_l2=off compression_type=zlib size=10737418240 lazy_refcounts=off refcount_bits=16\n`, ''],
    [`qemu-img create -f qcow2 -b cirros-0.6.3-x86_64-disk.img ${dir}/x.qcow2`, 1, '', `qemu-img: ${dir}/x.qcow2: Backing file specified without backing format\nDetected format of qcow2.\n`],
    [`qemu-img create -f qcow2 ${dir}/x.qcow2`, 1, '', `qemu-img: ${dir}/x.qcow2: Image creation needs a size parameter\n`],
    [`qemu-img info ${dir}/none.qcow2`, 1, '', `qemu-img: Could not open '${dir}/none.qcow2': Could not open '${dir}/none.qcow2': No such file or directory\n`],
  ])('%s', async (line, status, out, err) => {
    expect(await run(qemuImg, line)).toEqual({ status, out, err });
  });

  it('an overlay takes the backing file\'s virtual size and resolves it relative to its own directory', async () => {
    await run(qemuImg, `qemu-img create -f qcow2 -b cirros-0.6.3-x86_64-disk.img -F qcow2 ${dir}/vm1.qcow2`);
    const { out } = await run(qemuImg, `qemu-img info --backing-chain ${dir}/vm1.qcow2`);
    expect(out).toContain('virtual size: 112 MiB (117440512 bytes)\ndisk size: 196 KiB\n');
    expect(out).toContain(`backing file: cirros-0.6.3-x86_64-disk.img (actual path: ${dir}/cirros-0.6.3-x86_64-disk.img)\n`);
    expect(out).toContain(`\nimage: ${dir}/cirros-0.6.3-x86_64-disk.img\nfile format: qcow2\n`);
    expect(out).toContain('disk size: 20.7 MiB');
  });
});

describe('lsmod', () => {
  it.each([
    ['kvm_intel 487424 0 - Live 0x0000000000000000', 'kvm_intel             487424  0'],
    ['kvm 1413120 1 kvm_intel, Live 0x0000000000000000', 'kvm                  1413120  1 kvm_intel'],
  ])('%s', (line, row) => expect(lsmodRow(line)).toBe(row));
});

describe('vm info traces every number to its source', () => {
  it.each([
    ['vm create a', ['systemd-analyze(1) "on a real machine" example (facts §7.5)', 'illustrative', 'UNVERIFIED (facts §8.2)', '1min 12.108s']],
    ['vm create a --profile microvm', ['<= 125 ms InstanceStart to /sbin/init (facts §8.2)', '<= 5 MiB (facts §8.2)', '137ms']],
  ])('%s', async (create, texts) => {
    await run(vm, create);
    const { out } = await run(vm, 'vm info a');
    for (const t of texts) expect(out).toContain(t);
  });
});

// The VMM is what the host runs: QEMU with KVM, Xen's device model in Dom0 (type 1), VirtualBox (type 2); host-kind.ts.
describe('vm info names the VMM of the host kind', () => {
  it.each([
    ['kvm', 'VMM:       qemu-system-x86_64, machine pc-q35-8.2, KVM acceleration'],
    ['type1', 'VMM:       the Xen hypervisor runs the vCPUs (HVM); Dom0 runs only the device model, qemu-system-i386, machine xenfv'],
    ['type2', 'VMM:       VBoxHeadless, a VirtualBox application process on the host OS, with its vboxdrv kernel driver'],
  ] as const)('%s', async (kind, line) => {
    host = stubHost(8 * GiB, clock);
    host.registerSocket(LIBVIRT_SOCK, new Hypervisor({ host: host.sys, clock, rng: new Rng(3), kind, poolBytes: kind === 'type1' ? 4 * GiB : undefined }));
    await run(vm, 'vm create a --linked');
    expect((await run(vm, 'vm info a')).out).toContain(`${line}\n`);
  });
});

// virsh define (virsh-domain.c cmdDefine) with libvirt's XML (formatdomain.rst): what dumpxml writes reads back.
describe('virsh define', () => {
  const write = (path: string, text: string): void => host.fs.write(path, new TextEncoder().encode(text));
  it('defines a domain from dumpxml output with new memory', async () => {
    await run(vm, 'vm create a --linked');
    const xml = (await run(virsh, 'virsh dumpxml a')).out.replace('<name>a</name>', '<name>b</name>').replace(/2097152/g, '1048576').replace(/<uuid>.*<\/uuid>\n/, '');
    write('/root/b.xml', xml);
    expect(await run(virsh, 'virsh define /root/b.xml')).toEqual({ status: 0, out: "Domain 'b' defined from /root/b.xml\n\n", err: '' });
    expect((await run(virsh, 'virsh dominfo b')).out).toContain('Max memory:     1048576 KiB\n');
  });

  it.each([
    ['<domain><name>x</name></domain>', "XML error: missing element or attribute './memory[1]'"],
    ["<domain><name>x</name><memory unit='GiB'>1</memory><devices><disk type='file' device='disk'><source file='/nope.qcow2'/></disk></devices></domain>", "Cannot access storage file '/nope.qcow2': No such file or directory"],
    ['<vm/>', "XML error: Expected root element 'domain'"],
  ])('refuses %s', async (xml, msg) => {
    write('/root/x.xml', xml);
    expect(await run(virsh, 'virsh define /root/x.xml')).toEqual({ status: 1, out: '', err: `error: Failed to define domain from /root/x.xml\nerror: ${msg}\n` });
  });
});

describe('vm usage errors', () => {
  it.each([
    ['vm create', 2, 'vm create: missing NAME\nUsage: vm create NAME [--image ID] [--memory SIZE] [--cpus N] [--profile full|microvm] [--linked]\n'],
    ['vm create a --memory lots', 2, "vm create: invalid memory size 'lots'\n"],
    ['vm create a --profile tiny', 2, "vm create: unknown profile 'tiny' (full or microvm)\n"],
    ['vm create a --bogus', 2, "vm create: unrecognized option '--bogus'\n"],
    ['vm create a --image plan9', 1, "vm create: Cannot access storage file '/var/lib/libvirt/images/plan9': No such file or directory\n"],
    ['vm frob', 2, "vm: 'frob' is not a vm command.\nSee 'vm --help'.\n"],
    ['vm start', 2, 'vm start: missing NAME\n'],
    ['vm start ghost', 1, "vm start: failed to get domain 'ghost'\n"],
  ])('%s', async (line, status, err) => {
    expect(await run(vm, line)).toEqual({ status, out: '', err });
  });
});
