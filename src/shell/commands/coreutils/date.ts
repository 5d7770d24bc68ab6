/** date(1) on the model's virtual clock (UTC, the model has no time zones): default format, +FORMAT, -u, -d @SECONDS, -I, -R. */
import type { Command } from '../../types.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime(3) for the conversions date(1) users reach for. */
export function strftime(fmt: string, us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86400000) + 1;
  return fmt.replace(/%([-_0]?)([a-zA-Z%])/g, (m, _pad: string, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return p2(d.getUTCHours());
      case 'I': return p2(((d.getUTCHours() + 11) % 12) + 1);
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 'N': return String(Math.floor(us % 1e6) * 1000).padStart(9, '0');
      case 's': return String(Math.floor(us / 1e6));
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'A': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'j': return String(yday).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'R': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'D': return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'c': return strftime('%a %b %e %H:%M:%S %Y', us);
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return m;
    }
  });
}

export const date: Command = {
  name: 'date',
  summary: 'print the system date and time',
  help: `Usage: date [OPTION]... [+FORMAT]
Display the current time in the given FORMAT.

  -d, --date=STRING          display time described by STRING (here: @SECONDS)
  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format
  -R, --rfc-email            output date and time in RFC 5322 format
  -u, --utc, --universal     print Coordinated Universal Time (UTC)

FORMAT controls the output, e.g. %Y-%m-%d %H:%M:%S, %s (seconds since the Epoch), %N (nanoseconds).
`,
  async run(ctx) {
    let us = ctx.sys.realtime();
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-u' || a === '--utc' || a === '--universal') continue;
      if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
      else if (a.startsWith('-I') || a.startsWith('--iso-8601')) fmt = /=?(seconds|s)$/.test(a) ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d';
      else if (a === '-d' || a.startsWith('--date=') || a.startsWith('-d')) {
        const v = a === '-d' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
        const m = /^@(-?\d+)$/.exec(v ?? '');
        if (m) us = Number(m[1]) * 1e6;
        else if (v === 'now') continue;
        else if (v !== undefined && !Number.isNaN(Date.parse(v.includes('T') || v.includes(':') ? v + (/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z') : v + 'T00:00:00Z'))) us = Date.parse(v.includes('T') || v.includes(':') ? v + (/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z') : v + 'T00:00:00Z') * 1000;
        else {
          ctx.stderr.write(`date: invalid date '${v ?? ''}'\n`);
          return 1;
        }
      } else if (a.startsWith('+')) fmt = a.slice(1);
      else {
        ctx.stderr.write(`date: invalid date '${a}'\n`);
        return 1;
      }
    }
    ctx.stdout.write(strftime(fmt, us) + '\n');
    return 0;
  },
};
