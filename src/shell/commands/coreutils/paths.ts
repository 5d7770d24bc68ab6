/** basename(1), dirname(1), readlink(1) (-f -e -m), realpath(1), pwd(1): path strings and symlink resolution. */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { basename as base, dirname as dir, normalize } from '../../../model/fs/path.ts';
import { has, parseOrUsage } from './util.ts';

export const basename: Command = {
  name: 'basename',
  summary: 'strip directory and suffix from filenames',
  help: `Usage: basename NAME [SUFFIX]
  or:  basename OPTION... NAME...
Print NAME with any leading directory components removed.
If specified, also remove a trailing SUFFIX.

  -a, --multiple       support multiple arguments and treat each as a NAME
  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'basename', { flags: 'az', withArg: 's', long: { multiple: 'a', 'suffix=': 's' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n");
      return 1;
    }
    const multi = has(p, 'a') || p.values.has('s');
    const suffix = p.values.get('s') ?? (!multi ? p.operands[1] : undefined);
    if (!multi && p.operands.length > 2) {
      ctx.stderr.write(`basename: extra operand '${p.operands[2]}'\nTry 'basename --help' for more information.\n`);
      return 1;
    }
    for (const n of multi ? p.operands : [p.operands[0]]) {
      let b = base(n);
      if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
      ctx.stdout.write(b + '\n');
    }
    return 0;
  },
};

export const dirname: Command = {
  name: 'dirname',
  summary: 'strip last component from file name',
  help: `Usage: dirname [OPTION] NAME...
Output each NAME with its last non-slash component and trailing slashes
removed; if NAME contains no /'s, output '.' (meaning the current directory).
`,
  async run(ctx) {
    const ops = ctx.argv.slice(1);
    if (!ops.length) {
      ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n");
      return 1;
    }
    for (const n of ops) ctx.stdout.write(dir(n) + '\n');
    return 0;
  },
};

/** Canonicalize like readlink -f / -m: resolve what exists, keep the rest lexically. */
function canonical(sys: { realpath(p: string): string; getcwd(): string }, path: string, mode: 'f' | 'e' | 'm'): string {
  try {
    return sys.realpath(path);
  } catch (e) {
    if (mode === 'e' || !isSysError(e)) throw e;
    const abs = normalize(path.startsWith('/') ? path : `${sys.getcwd()}/${path}`);
    const parent = dir(abs);
    if (mode === 'f') {
      const rp = sys.realpath(parent);
      return normalize(`${rp}/${base(abs)}`);
    }
    if (parent === abs) return abs;
    return normalize(`${canonical(sys, parent, 'm')}/${base(abs)}`);
  }
}

export const readlink: Command = {
  name: 'readlink',
  summary: 'print resolved symbolic links or canonical file names',
  help: `Usage: readlink [OPTION]... FILE...
Print value of a symbolic link or canonical file name

  -f, --canonicalize            canonicalize by following every symlink in
                                every component of the given name recursively;
                                all but the last component must exist
  -e, --canonicalize-existing   canonicalize by following every symlink in
                                every component of the given name recursively,
                                all components must exist
  -m, --canonicalize-missing    canonicalize by following every symlink in
                                every component of the given name recursively,
                                without requirements on components existence
  -n, --no-newline              do not output the trailing delimiter
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'readlink', { flags: 'femnqsvz', long: { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("readlink: missing operand\nTry 'readlink --help' for more information.\n");
      return 1;
    }
    const mode = has(p, 'f') ? 'f' : has(p, 'e') ? 'e' : has(p, 'm') ? 'm' : undefined;
    let status = 0;
    for (const f of p.operands) {
      try {
        const v = mode ? canonical(ctx.sys, f, mode) : ctx.sys.readlink(f);
        ctx.stdout.write(v + (has(p, 'n') ? '' : '\n'));
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (has(p, 'v')) ctx.stderr.write(`readlink: ${f}: ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const realpath: Command = {
  name: 'realpath',
  summary: 'print the resolved path',
  help: `Usage: realpath [OPTION]... FILE...
Print the resolved absolute file name;
all but the last component must exist

  -e, --canonicalize-existing  all components of the path must exist
  -m, --canonicalize-missing   no path components need exist or be a directory
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'realpath', { flags: 'emqsz', long: { 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', quiet: 'q' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("realpath: missing operand\nTry 'realpath --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const f of p.operands) {
      try {
        ctx.stdout.write(canonical(ctx.sys, f, has(p, 'e') ? 'e' : has(p, 'm') ? 'm' : 'f') + '\n');
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`realpath: ${f}: ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const pwd: Command = {
  name: 'pwd',
  summary: 'print name of current/working directory',
  help: 'Usage: pwd [OPTION]...\nPrint the full filename of the current working directory.\n',
  async run(ctx) {
    ctx.stdout.write(ctx.sys.getcwd() + '\n');
    return 0;
  },
};
