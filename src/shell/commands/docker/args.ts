/**
 * Flag parsing as the docker CLI does it (spf13/pflag under cobra): long
 * flags `--name x` / `--name=x`, shorthands that combine (`-it`, `-dit`,
 * `-eK=V`), repeatable list flags (`-e`, `-p`, `-v`), and for run/create/exec
 * flags only before the first positional argument (SetInterspersed(false)).
 */

/** How one flag takes its value. */
export type FlagKind = 'bool' | 'string' | 'list';

/** One flag: long name, optional one-letter shorthand. */
export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
}

/** Parsed flags: bools, last string value, or every list value. */
export interface Parsed {
  readonly bools: ReadonlySet<string>;
  readonly strings: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

/** A usage error; the CLI prints it and exits 125 (cobra's flag errors). */
export class FlagError extends Error {}

/** Parse `argv` (after the subcommand) against `specs`. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], opts: { interspersed?: boolean } = {}): Parsed {
  const interspersed = opts.interspersed ?? true;
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const bools = new Set<string>();
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const args: string[] = [];
  const set = (s: FlagSpec, v: string) => {
    if (s.kind === 'list') lists.set(s.name, [...(lists.get(s.name) ?? []), v]);
    else strings.set(s.name, v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (spec.kind === 'bool') {
        const v = eq < 0 ? 'true' : a.slice(eq + 1);
        if (v === 'false') bools.delete(spec.name);
        else bools.add(spec.name);
      } else if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = byShort.get(a[j]);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${a[j]}' in ${a}`);
        if (spec.kind === 'bool') {
          bools.add(spec.name);
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(spec, rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${a[j]}' in -${a[j]}`);
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { bools, strings, lists, args };
}
