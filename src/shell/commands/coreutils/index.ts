/** Commands owned by this folder (files and text, and the shell itself); merged into the registry by ../index.ts. */
import type { Command } from '../../types.ts';
import { echo } from './echo.ts';
import { printf } from './printf.ts';
import { test, bracket } from './test.ts';
import { trueCmd, falseCmd } from './true.ts';
import { shells } from './sh.ts';
import { cat } from './cat.ts';
import { ls } from './ls.ts';

export const commands: Command[] = [echo, printf, test, bracket, trueCmd, falseCmd, ...shells, cat, ls];
