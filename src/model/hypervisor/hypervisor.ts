/**
 * The hypervisor on one host, in libvirt's role: it keeps domain
 * definitions, creates their disk images under /var/lib/libvirt/images,
 * and starts each VM as a VMM process on the host (qemu-system-x86_64 with
 * KVM, or firecracker) whose resident memory is the guest's RAM plus the
 * VMM's own overhead ("Guest memory is part of the user address space of the
 * process that is using kvm", facts §7.2). The guest boots on the virtual
 * clock (boot.ts) into a Machine with its own kernel (guest.ts).
 *
 * Errors are SysErrors whose message is libvirt's virError text, so virsh
 * prints `error: <message>` as the real one does.
 */
import type { Timer, VirtualClock } from '../clock.ts';
import { fail, isSysError } from '../errors.ts';
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { baseRss, exists, memAvailable } from './host-util.ts';
import { basePath, configForCreate, configForDefine } from './domain-config.ts';
import type { DefineRequest } from './domain-config.ts';
import { bootPlan } from './boot.ts';
import type { ConsoleLine } from './boot.ts';
import type { CreateRequest, Domain, DomainConfig, DomainState, Guest, GuestDisk, GuestFactory, HypervisorOptions } from './domain.ts';
import { SHUTDOWN_US, XEN_DEVICE_MODEL_BYTES } from './domain.ts';
import { grow as growBy, readImage } from './disk-image.ts';
import type { HostKind } from './host-kind.ts';
import { vmmArgv } from './vmm.ts';

export { IMAGES_DIR, LIBVIRT_SOCK } from './paths.ts';
interface Slot {
  config: DomainConfig;
  state: DomainState;
  id: number | undefined;
  startedUs: number | undefined;
  plan: Domain['plan'];
  booted: boolean;
  vmm: Sys | undefined;
  reservedBytes: number;
  /** What was allocate()d on the VMM process (reservedBytes minus its base RSS). */
  charged: number;
  guest: Guest | undefined;
  disk: GuestDisk | undefined;
  syncedBytes: number;
  timers: Timer[];
  ip: string;
}


/** libvirtd + KVM on a Linux host. */
export class Hypervisor {
  readonly #host: Sys;
  readonly #clock: VirtualClock;
  readonly #rng: Rng;
  readonly #guests: GuestFactory | undefined;
  readonly #slots = new Map<string, Slot>();
  #nextId = 1;
  #nextIp = 2;
  /** What sits between the guests and the hardware on this host. */
  readonly kind: HostKind;
  readonly #pool: number | undefined;
  readonly #printk: ((text: string) => void) | undefined;

  constructor(opts: HypervisorOptions) {
    this.kind = opts.kind ?? 'kvm';
    this.#pool = this.kind === 'type1' ? opts.poolBytes : undefined;
    this.#host = opts.host;
    this.#clock = opts.clock;
    this.#rng = opts.rng;
    this.#guests = opts.guests;
    this.#printk = opts.printk;
  }

  /** The virtual clock's reading, µs (what boot times are measured on). */
  now(): number {
    return this.#clock.now;
  }

  /** Type 1: guest memory still free in the hypervisor's pool (undefined on a KVM host: ask the host's meminfo). */
  poolFree(): number | undefined {
    if (this.#pool === undefined) return undefined;
    let used = 0;
    for (const s of this.#slots.values()) used += s.reservedBytes;
    return this.#pool - used;
  }

  /** Type 1: the hypervisor's whole guest pool. */
  poolTotal(): number | undefined {
    return this.#pool;
  }

  /** Host path of a guest OS's base image. */
  basePath(image: string): string {
    return basePath(image);
  }

  /** virsh list --all order: running domains by Id, then the others by name. */
  domains(): Domain[] {
    const all = [...this.#slots.values()];
    const on = all.filter((s) => s.id !== undefined).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    const off = all.filter((s) => s.id === undefined).sort((a, b) => (a.config.name < b.config.name ? -1 : 1));
    return [...on, ...off].map((s) => this.#view(s));
  }

  /** One domain by name (virsh's "failed to get domain" when missing). */
  domain(name: string): Domain {
    return this.#view(this.#slot(name));
  }

  /** Create the disk image (full copy or qcow2 overlay of the base) and define the domain. */
  create(req: CreateRequest): Domain {
    const prev = this.#slots.get(req.name);
    if (prev) fail('EEXIST', req.name, `operation failed: domain '${req.name}' already exists with uuid ${prev.config.uuid}`);
    const { config, data } = configForCreate(this.#host, req, this.#rng);
    // mutate last: the disk, then the definition
    this.#host.writeFile(config.disk, data, { exclusive: true, mode: 0o600 });
    this.#slots.set(req.name, this.#newSlot(config));
    return this.domain(req.name);
  }

  /**
   * virsh define: (re)define a QEMU/KVM domain on an existing disk image.
   * Redefining a shut-off domain replaces its memory and vCPUs.
   */
  define(req: DefineRequest): Domain {
    const prev = this.#slots.get(req.name);
    const config = configForDefine(this.#host, req, prev?.config, this.#rng);
    if (prev && prev.state !== 'shut off') fail('EINVAL', req.name, 'Requested operation is not valid: domain is running (the model applies a new definition only to a shut-off domain)');
    if (prev) prev.config = config;
    else this.#slots.set(req.name, this.#newSlot(config));
    return this.domain(req.name);
  }

  #newSlot(config: DomainConfig): Slot {
    return {
      config, state: 'shut off', id: undefined, startedUs: undefined, plan: undefined, booted: false, vmm: undefined,
      reservedBytes: 0, charged: 0, guest: undefined, disk: undefined, syncedBytes: 0, timers: [], ip: `192.168.122.${this.#nextIp++}`,
    };
  }

  /**
   * Power on: reserve guest RAM + VMM overhead on the host (refused when the
   * host has less available: QEMU's "cannot set up guest memory"), start the
   * VMM process and schedule the boot phases on the virtual clock.
   */
  start(name: string): Domain {
    const s = this.#slot(name);
    if (s.state !== 'shut off') fail('EINVAL', name, 'Requested operation is not valid: domain is already running');
    const c = s.config;
    if (!exists(this.#host, c.disk)) fail('ENOENT', c.disk, `Cannot access storage file '${c.disk}': No such file or directory`);
    const pooled = this.#pool !== undefined;
    const need = c.memoryBytes + (pooled ? 0 : c.profile.overheadBytes);
    const noMem = (): never => fail('ENOMEM', name, pooled
      ? `internal error: libxenlight failed to create new domain '${name}': cannot allocate ${Math.round(need / 1048576)} MiB, ${Math.floor((this.poolFree() ?? 0) / 1048576)} MiB free in the hypervisor`
      : c.profile.vmm === 'firecracker'
        ? `internal error: firecracker: Failed to create guest memory: Cannot allocate memory (os error 12)`
        : `internal error: process exited while connecting to monitor: qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory`);
    const avail = pooled ? this.poolFree() : memAvailable(this.#host);
    if (avail !== undefined && need > avail) noMem();
    const id = this.#nextId;
    const vmm = this.#host.spawn({ argv: vmmArgv(c, id, this.kind) });
    // KVM: the VMM's resident set becomes guest RAM + overhead (its base RSS counts toward the overhead).
    // Xen: guest RAM comes from the hypervisor's pool; Dom0 holds only the device model.
    const charge = pooled ? Math.max(0, XEN_DEVICE_MODEL_BYTES - baseRss(vmm)) : Math.max(0, need - baseRss(vmm));
    try {
      vmm.allocate(charge);
    } catch (e) {
      this.#reap(vmm, 1);
      if (isSysError(e, 'ENOMEM')) noMem();
      throw e;
    }
    this.#nextId++;
    // a libvirt guest's NIC is a tap device (vnetN) on the virbr0 bridge, as the host kernel logs it
    if (c.profile.vmm !== 'firecracker') {
      const port = [...this.#slots.values()].filter((x) => x.id !== undefined).length + 1;
      for (const st of ['blocking', 'forwarding']) this.#printk?.(`virbr0: port ${port}(vnet${id - 1}) entered ${st} state`);
    }
    const now = this.#clock.now;
    const disk = s.disk ?? this.#guests?.newDisk(c.os);
    const hypervisor = this.kind === 'type1' ? 'Xen' : this.kind === 'type2' ? 'VirtualBox' : 'KVM';
    const plan = bootPlan(c.os, c.profile, { name: c.name, memoryBytes: c.memoryBytes, vcpus: c.vcpus, diskVirtualBytes: readImage(this.#host.readFile(c.disk)).virtualBytes, hypervisor });
    Object.assign(s, { state: 'running', id, startedUs: now, plan, booted: false, vmm, reservedBytes: need, charged: charge, disk, guest: undefined });
    // The guest Machine appears when userspace is up; its kernel's clock is back-dated to the kernel phase.
    s.timers = [this.#clock.setTimer(plan.totalUs, () => {
      s.booted = true;
      const onPower = (event: 'poweroff' | 'reboot'): void => { this.#guestPower(s, event); };
      s.guest = disk && this.#guests ? this.#guests.boot({ config: c, plan, kernelStartUs: now + plan.kernelStartUs, disk, onPower, ip: s.ip, hypervisor }) : undefined;
    })];
    return this.#view(s);
  }

  /** ACPI power button: the guest shuts down, then the VMM exits (virsh shutdown). */
  shutdown(name: string): Domain {
    const s = this.#slot(name);
    if (s.state !== 'running') fail('EINVAL', name, 'Requested operation is not valid: domain is not running');
    s.state = 'in shutdown';
    s.timers.push(this.#clock.setTimer(SHUTDOWN_US[s.config.profile.name], () => this.#powerOff(s)));
    return this.#view(s);
  }

  /** Pull the plug (virsh destroy): the VMM is killed at once. */
  destroy(name: string): Domain {
    const s = this.#slot(name);
    if (s.state === 'shut off') fail('EINVAL', name, 'Requested operation is not valid: domain is not running');
    this.#powerOff(s);
    return this.#view(s);
  }

  /** Forget a shut-off domain; with `removeStorage` also delete its disk image (virsh undefine --remove-all-storage). */
  undefine(name: string, removeStorage = false): void {
    const s = this.#slot(name);
    if (s.state !== 'shut off') fail('EINVAL', name, 'Requested operation is not valid: cannot undefine a running domain in the model (destroy it first)');
    if (removeStorage && exists(this.#host, s.config.disk)) this.#host.unlink(s.config.disk);
    this.#slots.delete(name);
  }

  /** Console lines the guest has printed so far (all of them once booted). */
  console(name: string): ConsoleLine[] {
    const s = this.#slot(name);
    if (!s.plan || s.startedUs === undefined) return [];
    const t = this.#clock.now - s.startedUs;
    return s.plan.lines.filter((l) => l.atUs <= t);
  }

  /**
   * The guest powered itself off or reset (libvirt's on_poweroff=destroy,
   * on_reboot=restart). Handled on the next clock tick, outside the guest's
   * own system call; a reboot keeps the domain Id, as libvirt does.
   */
  #guestPower(s: Slot, event: 'poweroff' | 'reboot'): void {
    const generation = s.startedUs;
    // the guest is going down now: no more logins; virsh keeps saying "running" through a reboot
    s.booted = false;
    if (event === 'poweroff') s.state = 'in shutdown';
    s.timers.push(this.#clock.setTimer(0, () => {
      if (s.state === 'shut off' || s.startedUs !== generation) return;
      const id = s.id;
      this.#powerOff(s);
      if (event === 'reboot') {
        const next = this.#nextId;
        this.#nextId = id ?? next;
        try {
          this.start(s.config.name);
        } catch (e) {
          if (!isSysError(e)) throw e; // the host could not restart it: it stays shut off, as libvirt leaves it
        } finally {
          this.#nextId = Math.max(next, this.#nextId);
        }
      }
    }));
  }

  /** The VMM process exits; libvirtd reaps it (ECHILD if the kernel already did). */
  #reap(vmm: Sys, status: number): void {
    try {
      vmm.exit(status);
      this.#host.wait(vmm.pid);
    } catch (e) {
      if (!isSysError(e, 'ECHILD') && !isSysError(e, 'ESRCH')) throw e;
    }
  }

  #slot(name: string): Slot {
    const s = this.#slots.get(name);
    if (!s) fail('ENOENT', name, `failed to get domain '${name}'`);
    return s;
  }

  #powerOff(s: Slot): void {
    for (const t of s.timers) t.cancel();
    s.timers = [];
    s.guest?.halt();
    if (s.vmm) {
      s.vmm.release(s.charged);
      this.#reap(s.vmm, 0);
    }
    try {
      this.#syncDisk(s);
    } catch (e) {
      if (!isSysError(e)) throw e; // host disk full: the overlay keeps its old size (the guest would have seen I/O errors)
    }
    Object.assign(s, { state: 'shut off', id: undefined, startedUs: undefined, plan: undefined, booted: false, vmm: undefined, reservedBytes: 0, charged: 0, guest: undefined });
  }

  /** A qcow2 disk grows by the clusters the guest wrote since the last sync (copy-on-write over the backing file). */
  #syncDisk(s: Slot): void {
    if (!s.disk) return;
    const written = s.disk.writtenBytes();
    const delta = written - s.syncedBytes;
    if (delta <= 0 || !exists(this.#host, s.config.disk)) return;
    const data = this.#host.readFile(s.config.disk);
    if (readImage(data).format !== 'qcow2') return;
    this.#host.writeFile(s.config.disk, growBy(data, delta));
    s.syncedBytes = written;
  }

  #view(s: Slot): Domain {
    return {
      config: s.config, state: s.state, id: s.id, startedUs: s.startedUs, plan: s.plan, booted: s.booted,
      vmmPid: s.vmm?.pid, reservedBytes: s.reservedBytes, guest: s.booted ? s.guest : undefined, ip: s.ip,
    };
  }
}

export { memAvailable } from './host-util.ts';
export { SHUTDOWN_US, XEN_DEVICE_MODEL_BYTES } from './domain.ts';
export type { CreateRequest, HypervisorOptions } from './domain.ts';
