/**
 * more(1) and less(1) as the model has them: the terminal here has no
 * paging, so they print their files (or stdin) whole, as both do when their
 * output is not a terminal. Scroll the terminal instead.
 */
import type { Command } from '../../types.ts';
import { readInputs } from './util.ts';

function pager(name: 'more' | 'less', summary: string): Command {
  return {
    name,
    summary,
    help: `Usage: ${name} [options] <file>...\nA file perusal filter. In this model it prints the whole text (no paging); scroll the terminal.\n`,
    async run(ctx) {
      const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
      const r = await readInputs(ctx, name, files);
      const many = r.texts.length > 1;
      for (const { path, text } of r.texts) {
        if (many && name === 'more') ctx.stdout.write(`::::::::::::::\n${path}\n::::::::::::::\n`);
        ctx.stdout.write(text);
      }
      return r.failed ? 1 : 0;
    },
  };
}

export const more = pager('more', 'display the contents of a file in a terminal');
export const less = pager('less', 'opposite of more');
