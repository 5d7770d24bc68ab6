/**
 * Docker's human-readable numbers and times, as docker/go-units prints them
 * (size.go HumanSizeWithPrecision, duration.go HumanDuration) and as the CLI's
 * formatters use them (cli/command/formatter: Ellipsis, tabwriter columns).
 */

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** Go's `%.*g`: `p` significant digits, trailing zeros removed. */
export function goG(x: number, p: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  let s = x.toPrecision(p);
  if (s.includes('e') || exp < -4 || exp >= p) {
    const [m, e] = Number(s).toExponential(p - 1).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** go-units HumanSizeWithPrecision: decimal units (1 kB = 1000 B). */
export function humanSize(bytes: number, precision = 3): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL.length - 1) {
    size /= 1000;
    i++;
  }
  return goG(size, precision) + DECIMAL[i];
}

/** go-units HumanSize (precision 4), what `docker system df` prints. */
export function humanSize4(bytes: number): string {
  return humanSize(bytes, 4);
}

/** go-units HumanDuration: "Less than a second", "5 seconds", "About a minute"… */
export function humanDuration(us: number): string {
  const seconds = Math.floor(us / 1e6);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(us / 60e6);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(us / 3600e6);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(us / 3600e6) / 24 / 365)} years`;
}

/** cli/command/formatter Ellipsis: keep `max` display columns, ending in "…". */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return chars.slice(0, max - 1).join('') + '…';
}

/** Go's strconv.Quote for the ASCII the model produces. */
export function goQuote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}

/**
 * text/tabwriter as the docker CLI configures it: NewWriter(out, 10, 1, 3, ' ', 0)
 * — each column but the last is max(widest cell + 3, 10) wide.
 */
export function tabulate(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((cell, i) => {
      if (i === r.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, Math.max([...cell].length + 3, 10));
    });
  }
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join(''))
    .map((line) => line + '\n')
    .join('');
}

/** RFC 3339 with nanoseconds as Go's time.RFC3339Nano prints UTC times; 0 → Go's zero time. */
export function rfc3339Nano(realtimeUs: number): string {
  if (realtimeUs === 0) return '0001-01-01T00:00:00Z';
  const ms = Math.floor(realtimeUs / 1000);
  const iso = new Date(ms).toISOString().slice(0, 19);
  const frac = String(Math.floor(realtimeUs % 1e6) * 1000).padStart(9, '0').replace(/0+$/, '');
  return `${iso}${frac ? '.' + frac : ''}Z`;
}

/** Parse a size with Docker's RAMInBytes rules ("512m", "1g", "1024"): binary units. */
export function ramInBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(s.trim());
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  return Math.floor(Number(m[1]) * mult[m[2].toLowerCase()]);
}
