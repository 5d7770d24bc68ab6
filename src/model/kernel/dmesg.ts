/**
 * The kernel ring buffer (dmesg(1), syslog(2)): timestamped lines, printed as
 * "[    5.123456] text" with seconds since boot.
 */

/** One printk line. */
export interface DmesgEntry {
  /** µs since boot. */
  readonly at: number;
  readonly text: string;
}

/** Ring of printk lines; the oldest fall off past `capacity` (log_buf_len). */
export class DmesgRing {
  readonly entries: DmesgEntry[] = [];
  readonly capacity: number;
  constructor(capacity = 4096) {
    this.capacity = capacity;
  }

  /** printk. */
  log(at: number, text: string): void {
    this.entries.push({ at, text });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Lines as dmesg(1) prints them by default. */
  lines(): string[] {
    return this.entries.map((e) => `${stamp(e.at)} ${e.text}`);
  }

  /** dmesg -C. */
  clear(): void {
    this.entries.length = 0;
  }
}

/** "[    1.234567]": seconds with 6 decimals, right-aligned in 12 (printk's "[%5lu.%06lu]"). */
export function stamp(us: number): string {
  const s = Math.floor(us / 1_000_000);
  const frac = String(us % 1_000_000).padStart(6, '0');
  return `[${String(s).padStart(5, ' ')}.${frac}]`;
}

/** The first lines a booting kernel prints (illustrative timings; the text follows a real 6.x x86_64 boot). */
export function bootLines(o: { release: string; version: string; machine: string; cpus: number; memoryBytes: number; hostname: string }): Array<[number, string]> {
  const kb = Math.floor(o.memoryBytes / 1024);
  return [
    [0, `Linux version ${o.release} (builder@model) (gcc (Debian 14.2.0-19) 14.2.0, GNU ld (GNU Binutils for Debian) 2.44) ${o.version}`],
    [0, `Command line: BOOT_IMAGE=/boot/vmlinuz-${o.release} root=/dev/sda1 ro quiet`],
    [0, 'BIOS-provided physical RAM map:'],
    [12, `Memory: ${kb}K/${kb}K available`],
    [20, `smp: Bringing up secondary CPUs ...`],
    [40_000, `smp: Brought up 1 node, ${o.cpus} CPU${o.cpus === 1 ? '' : 's'}`],
    [120_000, 'cgroup: Using cgroup v2 (unified hierarchy)'],
    [310_000, 'NET: Registered PF_INET protocol family'],
    [620_000, 'sd 0:0:0:0: [sda] Attached SCSI disk'],
    [900_000, 'EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.'],
    [1_100_000, 'Run /sbin/init as init process'],
    [1_400_000, `systemd[1]: Set hostname to <${o.hostname}>.`],
    [2_100_000, 'EXT4-fs (sda1): re-mounted. Quota mode: none.'],
  ];
}
