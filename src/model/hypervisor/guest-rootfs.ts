/**
 * The root filesystem a guest boots from: what the OS installer (or the cloud
 * image) put on the VM's disk. A Linux guest gets the FHS tree of its distro
 * (usr-merged for Ubuntu, BusyBox applets for Alpine and CirrOS) with model
 * program files; a Windows guest gets a few Windows-shaped directories and
 * the model's `ver`. Contents are small: the guest's kernel, processes and
 * files are what the claims need, not a full distribution.
 */
import { makeFhsTree } from '../fs/fhs.ts';
import { fromText, virtualData } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { ALPINE_APPLETS } from '../image/builtin/busybox-applets.ts';
import { programFile } from '../program.ts';
import type { GuestOs } from './guest-os.ts';

/** Programs of a GNU/Linux guest (the model's coreutils, procps, util-linux, iproute2, systemd tools...). */
export const GNU_PROGRAMS: readonly string[] = (
  'bash sh ls cat echo printf cp mv rm mkdir rmdir touch ln chmod chown stat find grep sed head tail wc sort uniq cut tr tee ' +
  'xargs seq date env which basename dirname readlink yes clear du truncate dd true false test id whoami sleep ' +
  'ps kill top free df mount umount uname hostname dmesg sysctl ip unshare nsenter lsns chroot ' +
  'systemd-analyze virt-what kvm-ok lsmod'
).split(' ');

/** Host-side programs a guest does not get (the hypervisor's own tools; Docker comes with provisioning). */
const HOST_ONLY = new Set(['vm', 'virsh', 'qemu-img', 'qemu-system-x86_64', 'firecracker', 'libvirtd', 'docker', 'dockerd', 'containerd',
  'containerd-shim-runc-v2', 'runc', 'docker-proxy', 'docker-init', 'ver']);

/** A fresh disk for `os`, sized to the VM's virtual disk; `programs` (default GNU_PROGRAMS) go to a GNU guest's /usr/bin. */
export function guestRootfs(os: GuestOs, opts: { dev: number; now: () => number; programs?: readonly string[] }): MemoryFs {
  const fs = new MemoryFs({ dev: opts.dev, now: opts.now, fstype: os.family === 'windows' ? 'ntfs' : 'ext4', capacityBytes: os.image.virtualBytes });
  makeFhsTree(fs);
  const write = (path: string, text: string, mode = 0o644): void => fs.write(path, fromText(text), { mode });
  write('/etc/hostname', 'localhost\n');
  write('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  write('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  write('/etc/group', 'root:x:0:\n');
  if (os.family === 'windows') {
    for (const d of ['/Windows', '/Windows/System32', '/Users', '/Users/Administrator', '/Program Files']) fs.mkdir(d, 0o755);
    for (const p of ['ver', 'sh', 'echo', 'uname', 'hostname', 'ls', 'cat']) fs.write(`/Windows/System32/${p}`, programFile(p), { mode: 0o755 });
    fs.symlink('/Windows/System32', '/bin');
    return fs;
  }
  write('/etc/os-release', osRelease(os));
  if (os.id.startsWith('ubuntu')) {
    fs.symlink('usr/bin', '/bin');
    fs.symlink('usr/sbin', '/sbin');
    fs.symlink('usr/lib', '/lib');
    for (const p of opts.programs ?? GNU_PROGRAMS) if (!HOST_ONLY.has(p)) fs.write(`/usr/bin/${p}`, programFile(p), { mode: 0o755 });
    fs.mkdir('/usr/lib/systemd', 0o755);
    fs.write('/usr/lib/systemd/systemd', programFile('systemd'), { mode: 0o755 });
    fs.symlink('/usr/lib/systemd/systemd', '/usr/sbin/init');
    fs.write('/etc/passwd', fromText('root:x:0:0:root:/root:/bin/bash\n'));
    // the guest kernel and initrd live on the guest's own disk (a Firecracker guest's kernel is a host file instead); sizes illustrative
    fs.write(`/boot/vmlinuz-${os.release}`, virtualData(14 * 1024 * 1024, `vmlinuz-${os.release}`), { mode: 0o600 });
    fs.write(`/boot/initrd.img-${os.release}`, virtualData(70 * 1024 * 1024, `initrd-${os.release}`), { mode: 0o644 });
  } else {
    for (const d of ['/bin', '/sbin', '/lib']) fs.mkdir(d, 0o755);
    fs.write('/bin/busybox', programFile('busybox'), { mode: 0o755 });
    const made = new Set(['/bin/busybox']);
    for (const [dir, applets] of Object.entries(ALPINE_APPLETS)) {
      for (const a of applets) {
        const path = `/${dir}/${a}`;
        if (made.has(path)) continue;
        made.add(path);
        fs.symlink('/bin/busybox', path);
      }
    }
    for (const p of ['virt-what', 'kvm-ok']) fs.write(`/usr/sbin/${p}`, programFile(p), { mode: 0o755 });
  }
  return fs;
}

/** /etc/os-release (os-release(5)) for a Linux guest. */
function osRelease(os: GuestOs): string {
  const id = os.id.split('-')[0];
  const version = os.id.split('-')[1] ?? '';
  return `PRETTY_NAME="${os.prettyName}"\nNAME="${os.prettyName.replace(/ v?[\d.]+.*$/, '')}"\nVERSION_ID="${version}"\nID=${id}\n`;
}
