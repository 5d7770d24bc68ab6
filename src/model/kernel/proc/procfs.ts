/**
 * procfs (proc(5)): one directory per process visible in the PID namespace
 * that mounted it (pid_namespaces(7): a container needs its own /proc),
 * /proc/self for the caller, and the system-wide files computed from the
 * kernel: meminfo, cpuinfo, uptime, loadavg, version, mounts, sys/.
 */
import type { Kernel } from '../kernel.ts';
import type { PidNs } from '../ns/namespaces.ts';
import type { Process } from '../process/process.ts';
import { SyntheticFs, dir, file, link } from '../vfs/synthetic-fs.ts';
import type { DirNode, Node } from '../vfs/synthetic-fs.ts';
import { fail } from '../../errors.ts';
import { meminfo } from '../memory/memory.ts';
import { pidDir } from './pid-dir.ts';
import { sysctlTable } from './sysctl.ts';

/** Seconds with two decimals, as /proc/uptime prints them. */
function secs(us: number): string {
  return (Math.max(0, us) / 1e6).toFixed(2);
}

/** /proc/cpuinfo for an x86_64 machine with `cpus` identical CPUs (illustrative model name). */
function cpuinfo(k: Kernel): string {
  const model = k.options.cpuModel ?? 'Intel(R) Xeon(R) CPU @ 2.20GHz';
  // a VM guest sees the hypervisor bit and, without nested virtualization, no VT-x (vmx)
  const guest = k.options.hypervisor !== undefined;
  const blocks: string[] = [];
  for (let i = 0; i < k.options.cpus; i++) {
    blocks.push([
      `processor\t: ${i}`, 'vendor_id\t: GenuineIntel', 'cpu family\t: 6', 'model\t\t: 85', `model name\t: ${model}`,
      'stepping\t: 7', 'cpu MHz\t\t: 2200.000', 'cache size\t: 39424 KB', 'physical id\t: 0', `siblings\t: ${k.options.cpus}`,
      `core id\t\t: ${i}`, `cpu cores\t: ${k.options.cpus}`, `apicid\t\t: ${i}`, 'fpu\t\t: yes', 'fpu_exception\t: yes',
      'cpuid level\t: 13', 'wp\t\t: yes',
      `flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ${guest ? '' : 'vmx '}ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand ${guest ? 'hypervisor ' : ''}lahf_lm abm 3dnowprefetch avx2 avx512f`,
      // Linux >= 5.8 lists VMX sub-features: ept (Intel's two-dimensional paging, facts §7.3) and vpid; absent in a guest without nested VMX
      ...(guest ? [] : ['vmx flags\t: vnmi preemption_timer invvpid ept_x_only ept_ad ept_1gb flexpriority tsc_offset vtpr mtf vapic ept vpid unrestricted_guest ple pml']),
      'bogomips\t: 4400.00', 'clflush size\t: 64', 'cache_alignment\t: 64', 'address sizes\t: 46 bits physical, 48 bits virtual', 'power management:',
    ].join('\n') + '\n');
  }
  return blocks.join('\n');
}

/** sysTree per kernel: it holds no state of its own (its nodes read the kernel when asked), so every procfs mount shares one. */
const sysTrees = new WeakMap<Kernel, DirNode>();

/** The /proc/sys tree from the sysctl table, built once per kernel. */
function sysTree(k: Kernel): DirNode {
  let t = sysTrees.get(k);
  if (!t) sysTrees.set(k, (t = buildSysTree(k)));
  return t;
}

function buildSysTree(k: Kernel): DirNode {
  type Tree = Map<string, Tree | string>;
  const build = (): Tree => {
    const root: Tree = new Map();
    for (const s of sysctlTable(k)) {
      const parts = s.key.split('.');
      let t = root;
      for (const part of parts.slice(0, -1)) {
        let n = t.get(part);
        if (!(n instanceof Map)) t.set(part, (n = new Map()));
        t = n;
      }
      t.set(parts[parts.length - 1], s.key);
    }
    return root;
  };
  const byKey = (key: string) => sysctlTable(k).find((s) => s.key === key)!;
  const node = (t: Tree): DirNode => dir(() => {
    const out: Record<string, Node> = {};
    for (const [name, v] of t) {
      if (v instanceof Map) out[name] = node(v);
      else {
        const s = byKey(v);
        out[name] = {
          kind: 'file',
          mode: s.set ? 0o644 : 0o444,
          read: () => s.get(k, caller(k)) + '\n',
          write: s.set ? (text: string) => s.set!(k, caller(k), text) : undefined,
        };
      }
    }
    return out;
  });
  return node(build());
}

/** The process making the current call. */
export function caller(k: Kernel): Process {
  return k.current ?? k.initProcess;
}

/** A procfs instance showing PID namespace `ns`. */
export function makeProcfs(k: Kernel, ns: PidNs, dev: number): SyntheticFs {
  const sys = sysTree(k);
  const root: DirNode = {
    kind: 'dir',
    mode: 0o555,
    list: () => {
      const pids = [...ns.pids.keys()].sort((a, b) => a - b).map(String);
      return [...pids, ...Object.keys(fixed()).sort()];
    },
    lookup: (name) => {
      if (/^\d+$/.test(name)) {
        const p = ns.pids.get(Number(name));
        return p ? pidDir(k, p, ns) : undefined;
      }
      return fixed()[name];
    },
  };
  const fixed = (): Record<string, Node> => ({
    self: link(() => {
      const pid = caller(k).pidIn(ns);
      if (!pid) fail('ENOENT', '/proc/self');
      return String(pid);
    }),
    'thread-self': link(() => {
      const pid = caller(k).pidIn(ns);
      return `${pid}/task/${pid}`;
    }),
    mounts: link(() => 'self/mounts'),
    net: link(() => 'self/net'),
    meminfo: file(() => meminfo(k)),
    cpuinfo: file(() => cpuinfo(k)),
    modules: file(() => k.modules.map((m) => `${m.name} ${m.size} ${m.usedBy.length} ${m.usedBy.length ? m.usedBy.map((u) => `${u},`).join('') : '-'} Live 0x0000000000000000\n`).join('')),
    uptime: file(() => {
      const up = k.now() + caller(k).ns.time.boottimeOffset;
      return `${secs(up)} ${secs(up * k.options.cpus * 0.97)}\n`;
    }),
    loadavg: file(() => {
      const live = [...ns.pids.values()].filter((p) => p.alive).length;
      return `0.00 0.01 0.05 1/${live} ${ns.lastPid}\n`;
    }),
    version: file(() => `Linux version ${k.options.release} (builder@model) (gcc (Debian 14.2.0-19) 14.2.0, GNU ld (GNU Binutils for Debian) 2.44) ${k.options.version}\n`),
    cmdline: file(() => `BOOT_IMAGE=/boot/vmlinuz-${k.options.release} root=/dev/sda1 ro quiet\n`),
    filesystems: file(() => ['nodev\tsysfs', 'nodev\ttmpfs', 'nodev\tproc', 'nodev\tcgroup2', 'nodev\tdevtmpfs', 'nodev\tdevpts', 'nodev\tmqueue', 'nodev\toverlay', '\text4', ''].join('\n')),
    swaps: file(() => 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n'),
    sys,
    // Xen guests (and Dom0) have /proc/xen; virt-what reads capabilities to tell Dom0 from DomU
    ...(k.options.hypervisor === 'Xen' ? { xen: dir(() => ({ capabilities: file(() => (k.options.xenDom0 ? 'control_d\n' : '')) })) } : {}),
  });
  return new SyntheticFs({ fstype: 'proc', dev, root, now: () => k.clock.realtime });
}
