/** sleep(1) from GNU coreutils: pause for NUMBER[smhd] (summed) on the model's virtual clock. */
import type { Command } from '../../types.ts';
import { SIGNALS } from '../../../model/kernel/types.ts';
import { isSysError } from '../../../model/errors.ts';

const MULT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** sleep: delay for a specified amount of time. */
export const sleep: Command = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  help: `Usage: sleep NUMBER[SUFFIX]...
  or:  sleep OPTION
Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an
integer.  Given two or more arguments, pause for the amount of time
specified by the sum of their values.

      --help        display this help and exit
      --version     output version information and exit

In this model, time is virtual: sleep moves the simulated clock, it does
not make you wait.`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let seconds = 0;
    let bad = false;
    for (const a of args) {
      if (a === 'infinity' || a === 'inf') { seconds = Infinity; continue; }
      const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
      if (!m) {
        ctx.stderr.write(`sleep: invalid time interval '${a}'\n`);
        bad = true;
        continue;
      }
      seconds += Number(m[1]) * MULT[m[2]];
    }
    if (bad) {
      ctx.stderr.write("Try 'sleep --help' for more information.\n");
      return 1;
    }
    try {
      await ctx.sys.sleep(seconds === Infinity ? Infinity : Math.round(seconds * 1e6));
    } catch (e) {
      if (!isSysError(e, 'EINTR')) throw e;
      const sig = ctx.sys.pendingSignal();
      await ctx.checkpoint();
      return sig ? 128 + SIGNALS[sig] : 130;
    }
    return 0;
  },
};
