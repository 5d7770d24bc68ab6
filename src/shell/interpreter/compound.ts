/**
 * Compound commands (XCU 2.9.4): if, for, while/until, case, and bash's
 * `(( ))` and `[[ ]]`. Loops check for Ctrl-C at every turn, so
 * `while true; do :; done` stops on SIGINT.
 */
import type { Command } from '../parse/ast.ts';
import { evaluate } from './arith.ts';
import { evaluateCond } from './cond.ts';
import { expandPattern, expandString, expandWords } from './expand.ts';
import { matchPattern } from './pattern.ts';
import { TestError } from '../commands/coreutils/test.ts';
import type { Shell, Stdio } from './shell.ts';

type Compound = Extract<Command, { type: 'if' | 'for' | 'cfor' | 'while' | 'case' | 'arith' | 'cond' }>;

/** Run a compound command whose redirections are already applied. */
export async function execCompound(sh: Shell, cmd: Compound, rio: Stdio): Promise<number> {
  switch (cmd.type) {
    case 'if': {
      for (const c of cmd.clauses) {
        if ((await sh.condition(c.cond, rio)) === 0) return sh.execList(c.body, rio);
      }
      if (cmd.orElse) return sh.execList(cmd.orElse, rio);
      return (sh.status = 0);
    }
    case 'for': {
      const items = cmd.items ? await expandWords(cmd.items, sh.expander(rio)) : [...sh.positional];
      const status = await sh.inLoop(async () => {
        let st = 0;
        for (const item of items) {
          await sh.checkpoint();
          sh.set(cmd.name, item);
          const r = await sh.loopBody(cmd.body, rio);
          st = sh.status;
          if (r === 'break') break;
        }
        return st;
      });
      return (sh.status = status);
    }
    case 'cfor': {
      try {
        const arith = async (w: typeof cmd.init): Promise<bigint> => evaluate(await expandString(w, sh.expander(rio)), sh);
        await arith(cmd.init);
        const status = await sh.inLoop(async () => {
          let st = 0;
          for (;;) {
            await sh.checkpoint();
            if (cmd.cond.raw.trim() && (await arith(cmd.cond)) === 0n) break;
            const r = await sh.loopBody(cmd.body, rio);
            st = sh.status;
            if (r === 'break') break;
            await arith(cmd.step);
          }
          return st;
        });
        return (sh.status = status);
      } catch (e) {
        return sh.expansionFailed(e, rio);
      }
    }
    case 'while': {
      const status = await sh.inLoop(async () => {
        let st = 0;
        for (;;) {
          await sh.checkpoint();
          const c = await sh.condition(cmd.cond, rio);
          if ((c === 0) === cmd.until) break;
          const r = await sh.loopBody(cmd.body, rio);
          st = sh.status;
          if (r === 'break') break;
        }
        return st;
      });
      return (sh.status = status);
    }
    case 'arith': {
      try {
        const v = evaluate(await expandString(cmd.expr, sh.expander(rio)), sh);
        return (sh.status = v !== 0n ? 0 : 1);
      } catch (e) {
        return sh.expansionFailed(e, rio);
      }
    }
    case 'cond': {
      try {
        return (sh.status = (await evaluateCond(cmd.words, sh.expander(rio))) ? 0 : 1);
      } catch (e) {
        if (e instanceof TestError) {
          sh.error(rio, e.message);
          return (sh.status = 2);
        }
        return sh.expansionFailed(e, rio);
      }
    }
    case 'case': {
      const word = await expandString(cmd.word, sh.expander(rio));
      for (const item of cmd.items) {
        for (const p of item.patterns) {
          if (matchPattern(await expandPattern(p, sh.expander(rio)), word)) return sh.execList(item.body, rio);
        }
      }
      return (sh.status = 0);
    }
  }
}
