/**
 * Guest Machines backed by the model's Kernel: when a VM reaches userspace,
 * a new Kernel boots on the VM's virtual hardware (its vCPUs and RAM, its
 * own disk, the guest OS's release and hostname), sharing only the World's
 * clock with the host. Its dmesg holds the boot plan's kernel lines, so the
 * guest's `dmesg` and `uptime` agree with the console. A `provision` hook
 * lets the scenario install software, e.g. the engine's installDockerd for
 * containers inside VMs.
 */
import type { VirtualClock } from '../clock.ts';
import { fail } from '../errors.ts';
import { Kernel } from '../kernel/kernel.ts';
import { Rng } from '../rng.ts';
import type { Guest, GuestDisk, GuestFactory, GuestHandle, GuestSpec } from './domain.ts';
import type { GuestOs } from './guest-os.ts';
import { guestRootfs } from './guest-rootfs.ts';
import { GuestDiskFs } from './guest-disk.ts';
import type { FileSystem } from '../fs/types.ts';
import { SYSTEMD_BUS } from './systemd-bus.ts';
import type { SystemdBus } from './systemd-bus.ts';

/** How guest Machines are built: the World's clock, a provisioning hook, the programs a GNU guest gets. */
export interface KernelGuestsOptions {
  readonly clock: VirtualClock;
  /** Runs once per boot, after the guest kernel is up (install Docker, write files...). */
  readonly provision?: (guest: GuestHandle) => void;
  /** Programs a GNU/Linux guest has in /usr/bin (the shell's registry; host-only tools are left out). */
  readonly programs?: readonly string[];
}

/** The GuestFactory of a World: disks as in-memory ext4 trees, guests as Kernels. */
export class KernelGuests implements GuestFactory {
  readonly #clock: VirtualClock;
  readonly #provision: KernelGuestsOptions['provision'];
  readonly #programs: KernelGuestsOptions['programs'];
  #dev = 0x0fd0;

  constructor(opts: KernelGuestsOptions) {
    this.#clock = opts.clock;
    this.#provision = opts.provision;
    this.#programs = opts.programs;
  }

  /** One shared base tree per guest OS (what the base image holds), built on first use. */
  readonly #bases = new Map<string, FileSystem>();

  newDisk(os: GuestOs): GuestDisk {
    const clock = this.#clock;
    let base = this.#bases.get(os.id);
    if (!base) {
      base = guestRootfs(os, { dev: 0x0fcf, now: () => clock.realtime, ...(this.#programs ? { programs: this.#programs } : {}) });
      this.#bases.set(os.id, base);
    }
    const fs = new GuestDiskFs(base, { dev: this.#dev++, now: () => clock.realtime, capacityBytes: os.image.virtualBytes });
    return { fs, writtenBytes: () => fs.written() };
  }

  boot(spec: GuestSpec): Guest {
    const c = spec.config;
    const kernel = new Kernel({
      clock: this.#clock,
      rng: new Rng(c.uuid),
      hostname: c.name,
      release: c.os.release,
      version: c.os.version,
      machine: 'x86_64',
      cpus: c.vcpus,
      memoryBytes: c.memoryBytes,
      rootfs: spec.disk.fs,
      diskBytes: c.os.image.virtualBytes,
      bootTime: this.#clock.now - spec.kernelStartUs,
      sysname: c.os.sysname,
      cpuModel: 'QEMU Virtual CPU version 2.5+',
      hypervisor: spec.hypervisor,
    });
    // the NIC libvirt's default network gives it (the kernel boots with QEMU user networking's 10.0.2.15)
    const eth = kernel.initNs.net.stack.device('eth0');
    if (eth) eth.addrs.splice(0, eth.addrs.length, { family: 'inet', cidr: `${spec.ip}/24`, scope: 'global' });
    kernel.dmesg.clear();
    for (const l of spec.plan.lines) if (l.kmsg) kernel.dmesg.log(l.atUs - spec.plan.kernelStartUs, l.text.replace(/^\[[ \d.]+\] /, ''));
    try {
      spec.disk.fs.write('/etc/hostname', new TextEncoder().encode(`${c.name}\n`));
    } catch {
      // a read-only or full disk keeps its old hostname file
    }
    if (spec.plan.startupFinished) {
      const userspace = spec.plan.phases.find((p) => p.phase === 'userspace')?.us ?? 0;
      const bus: SystemdBus = { startupFinished: spec.plan.startupFinished, defaultTarget: 'multi-user.target', targetReachedUs: userspace };
      try { kernel.init.mkdir('/run/systemd', 0o755); } catch { /* exists */ }
      kernel.registerSocket(SYSTEMD_BUS, bus);
    }
    this.#provision?.({ config: c, init: kernel.init, fs: spec.disk.fs, rng: kernel.rng, now: () => this.#clock.realtime, registerSocket: (p, s) => kernel.registerSocket(p, s) });
    kernel.onReboot = (cmd) => spec.onPower(/POWER_OFF|HALT/i.test(cmd) ? 'poweroff' : 'reboot');
    let halted = false;
    return {
      init: kernel.init,
      login: () => {
        if (halted) fail('ECONNREFUSED', c.name);
        return kernel.login(c.os.id.startsWith('ubuntu') ? ['-bash'] : ['-sh']);
      },
      halt: () => {
        halted = true;
        for (const p of kernel.procs.values()) if (p.alive && p.id !== 1 && p.id !== 2) kernel.signal(p, 'SIGKILL');
      },
    };
  }
}
