/**
 * getopt_long-style parsing for the virtualization CLIs (virsh's vshCommandParse,
 * qemu-img's getopt): `--name value`, `--name=value`, `-f value`, `-fvalue`,
 * boolean switches, `--` ends options; options may follow positionals.
 */

/** Options that take a value (long names and one-letter shorthands map to one key). */
export interface OptSpec {
  readonly values: Readonly<Record<string, string>>;
  readonly switches: Readonly<Record<string, string>>;
}

/** Options by key, switches, positionals, and what followed `--`. */
export interface ParsedArgs {
  readonly opts: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly args: readonly string[];
  /** Everything after `--`, kept apart (for `vm ssh NAME -- CMD…`). */
  readonly rest: readonly string[] | undefined;
}

/** Parse argv; returns an error text ("unrecognized option '--x'") instead of throwing. */
export function parseArgs(argv: readonly string[], spec: OptSpec): ParsedArgs | string {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { opts, flags, args, rest: argv.slice(i + 1) };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (spec.switches[name]) { flags.add(spec.switches[name]); continue; }
      const key = spec.values[name];
      if (!key) return `unrecognized option '${name}'`;
      if (eq >= 0) opts.set(key, a.slice(eq + 1));
      else if (i + 1 < argv.length) opts.set(key, argv[++i]);
      else return `option '${name}' requires an argument`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const name = a.slice(0, 2);
      if (spec.switches[name] && a.length === 2) { flags.add(spec.switches[name]); continue; }
      const key = spec.values[name];
      if (!key) return `invalid option -- '${a[1]}'`;
      if (a.length > 2) opts.set(key, a.slice(2));
      else if (i + 1 < argv.length) opts.set(key, argv[++i]);
      else return `option requires an argument -- '${a[1]}'`;
      continue;
    }
    args.push(a);
  }
  return { opts, flags, args, rest: undefined };
}
