/**
 * The number formats the virtualization tools print: systemd's
 * format_timespan() (`systemd-analyze time`, "Startup finished in …"),
 * QEMU's size_to_str() (`qemu-img info`: "196 KiB", "3.5 GiB") and the
 * binary units the model uses for sizes.
 */

/** Binary units (IEC), as qemu-img and libvirt count. */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

const SPANS: ReadonlyArray<readonly [string, number]> = [
  ['y', 31_557_600_000_000],
  ['month', 2_629_800_000_000],
  ['w', 604_800_000_000],
  ['d', 86_400_000_000],
  ['h', 3_600_000_000],
  ['min', 60_000_000],
  ['s', 1_000_000],
  ['ms', 1_000],
  ['us', 1],
];

/**
 * systemd src/basic/time-util.c format_timespan(t, accuracy): largest units
 * first, seconds below a minute in dot notation ("2.584s", "1min 9.608s",
 * "125ms"). `accuracyUs` defaults to USEC_PER_MSEC as systemd-analyze uses.
 */
export function formatTimespan(us: number, accuracyUs = 1_000): string {
  let t = Math.round(us);
  if (t <= 0) return '0';
  const parts: string[] = [];
  for (const [suffix, unit] of SPANS) {
    if (t <= 0 || t < accuracyUs) break;
    if (t < unit) continue;
    const a = Math.floor(t / unit);
    let b = t % unit;
    if (t < 60_000_000 && b > 0) {
      let j = 0;
      for (let cc = unit; cc > 1; cc /= 10) j++;
      for (let cc = accuracyUs; cc > 1; cc /= 10) { b = Math.floor(b / 10); j--; }
      if (j > 0) {
        parts.push(`${a}.${String(b).padStart(j, '0')}${suffix}`);
        t = 0;
        break;
      }
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(' ');
}

/** QEMU util/cutils.c size_to_str(): "%0.3g %sB" in binary units, switching unit at 1000 ("0.977 MiB"). */
export function qemuSize(bytes: number): string {
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  const v = bytes / (1000 / 1024);
  const exp = v <= 0 ? 0 : Math.floor(Math.log2(v)) + 1; // frexp's exponent
  const i = Math.max(0, Math.min(suffixes.length - 1, Math.floor((exp - 1) / 10)));
  const x = bytes / 2 ** (i * 10);
  return `${formatG3(x)} ${suffixes[i]}B`;
}

/** printf("%0.3g") for 0 <= x < 1000. */
function formatG3(x: number): string {
  if (x === 0) return '0';
  const s = x.toPrecision(3);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Parse a size with an optional K/M/G/T suffix (binary, as qemu-img and virt-install read them); undefined if malformed. */
export function parseSize(text: string, defaultUnit = 1): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtT])?(?:i?[bB])?$/.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2] ? { k: KiB, m: MiB, g: GiB, t: 1024 * GiB }[m[2].toLowerCase() as 'k' | 'm' | 'g' | 't'] : defaultUnit;
  return Math.round(Number(m[1]) * unit);
}
