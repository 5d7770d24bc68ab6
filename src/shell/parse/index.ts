/** The shell language: parse(source) → tree | incomplete | syntax error. */
export { parse } from './parser.ts';
export type * from './ast.ts';
