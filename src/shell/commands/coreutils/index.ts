/** Commands owned by this folder (files and text, and the shell itself); merged into the registry by ../index.ts. */
import type { Command } from '../../types.ts';
import { echo } from './echo.ts';
import { printf } from './printf.ts';
import { test, bracket } from './test.ts';
import { trueCmd, falseCmd } from './true.ts';
import { shells } from './sh.ts';
import { cat } from './cat.ts';
import { ls } from './ls.ts';
import { rm, rmdir } from './rm.ts';
import { mkdir, touch } from './mkdir.ts';
import { cp } from './cp.ts';
import { mv } from './mv.ts';
import { ln } from './ln.ts';
import { chmod, chown } from './chmod.ts';
import { stat } from './stat.ts';
import { head, tail } from './head.ts';
import { wc } from './wc.ts';
import { sort, uniq } from './sort.ts';
import { cut, tr } from './cut.ts';
import { tee, seq, yes } from './tee.ts';
import { grep } from './grep.ts';
import { sed } from './sed.ts';
import { basename, dirname, readlink, realpath, pwd } from './paths.ts';
import { env, printenv, which, clear } from './env.ts';
import { find } from './find.ts';
import { xargs } from './xargs.ts';
import { du } from './du.ts';
import { date } from './date.ts';
import { truncate, dd } from './truncate.ts';
import { sha256sum } from './sha256sum.ts';
import { more, less } from './pager.ts';

export const commands: Command[] = [
  echo, printf, test, bracket, trueCmd, falseCmd, ...shells, cat, ls, rm, rmdir, mkdir, touch, cp, mv, ln, chmod, chown, stat,
  head, tail, wc, sort, uniq, cut, tr, tee, seq, yes, grep, sed, basename, dirname, readlink, realpath, pwd, env, printenv, which,
  clear, find, xargs, du, date, truncate, dd, sha256sum, more, less,
];
