/**
 * The shell's syntax tree, as closed unions named after the POSIX grammar
 * (XCU 2.10 "Shell Grammar"): a Script is a list of and-or lists of
 * pipelines of commands; a Word is a sequence of parts expanded at run time
 * (XCU 2.6 "Word Expansions").
 */

/** One piece of a word, before expansion. */
export type WordPart =
  /** Literal text; `quoted` text is never split or globbed (quotes, backslash escapes). */
  | { readonly type: 'lit'; readonly value: string; readonly quoted: boolean }
  /** A double-quoted string: its expansions are not field-split or globbed. */
  | { readonly type: 'dq'; readonly parts: readonly WordPart[] }
  /** `$X`, `${X}`, `${X:-word}`, `${#X}`... (XCU 2.6.2). */
  | { readonly type: 'param'; readonly name: string; readonly op?: ParamOp; readonly arg?: Word; readonly repl?: Word }
  /** `$(list)` or `` `list` `` (XCU 2.6.3). */
  | { readonly type: 'cmdsub'; readonly body: Script }
  /** `$((expr))`: the expression is itself expanded, then evaluated (XCU 2.6.4). */
  | { readonly type: 'arith'; readonly expr: Word };

/**
 * Operators of `${name OP word}`; `len` is `${#name}`. bash adds `/` `//` `/#` `/%`
 * (`${X/pat/repl}`, replacement in `repl`) and `:` (`${X:offset:length}`, arithmetic in `arg`).
 */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'len' | '/' | '//' | '/#' | '/%' | ':';

export interface Word {
  readonly parts: readonly WordPart[];
  /** Source text, for `set -x`, error messages and `jobs`. */
  readonly raw: string;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-';

/** `[n]op target`; here-documents carry their body (XCU 2.7.4). */
export interface Redir {
  readonly fd: number | undefined;
  readonly op: RedirOp;
  readonly target: Word;
  /** Here-document body: expanded like a double-quoted string unless the delimiter was quoted. */
  heredoc?: Word;
}

export interface Assign {
  readonly name: string;
  readonly value: Word;
}

export type Command =
  | { readonly type: 'simple'; readonly assigns: readonly Assign[]; readonly words: readonly Word[]; readonly redirs: readonly Redir[] }
  | { readonly type: 'subshell'; readonly body: Script; readonly redirs: readonly Redir[] }
  | { readonly type: 'group'; readonly body: Script; readonly redirs: readonly Redir[] }
  | { readonly type: 'if'; readonly clauses: readonly { readonly cond: Script; readonly body: Script }[]; readonly orElse: Script | undefined; readonly redirs: readonly Redir[] }
  | { readonly type: 'for'; readonly name: string; readonly items: readonly Word[] | undefined; readonly body: Script; readonly redirs: readonly Redir[] }
  | { readonly type: 'while'; readonly until: boolean; readonly cond: Script; readonly body: Script; readonly redirs: readonly Redir[] }
  | { readonly type: 'case'; readonly word: Word; readonly items: readonly CaseItem[]; readonly redirs: readonly Redir[] }
  | { readonly type: 'func'; readonly name: string; readonly body: Command; readonly redirs: readonly Redir[] }
  /** bash's arithmetic for loop `for (( init; cond; step )); do …; done` (an empty cond is true). */
  | { readonly type: 'cfor'; readonly init: Word; readonly cond: Word; readonly step: Word; readonly body: Script; readonly redirs: readonly Redir[] }
  /** bash's arithmetic command `(( expr ))`: status 0 when the value is non-zero. */
  | { readonly type: 'arith'; readonly expr: Word; readonly redirs: readonly Redir[] }
  /** bash's conditional command `[[ … ]]`: words are not split or globbed; `&&`, `||`, `!`, `( )` are its own operators. */
  | { readonly type: 'cond'; readonly words: readonly Word[]; readonly redirs: readonly Redir[] };

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: Script;
}

/** `[time] [!] cmd | cmd | …` */
export interface Pipeline {
  readonly negate: boolean;
  readonly time: boolean;
  readonly commands: readonly Command[];
  /** Source text of the pipeline (for `jobs` and `[1]+  Done  …`). */
  readonly raw: string;
}

/** `p1 && p2 || p3` */
export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
  readonly background: boolean;
}

/** A list of and-or lists, each ended by `;`, `&` or a newline. */
export type Script = readonly AndOr[];

/** What parse() found: a tree, input that needs more lines (PS2), or a syntax error in bash's words. */
export type ParseResult =
  | { readonly kind: 'ok'; readonly script: Script }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'error'; readonly message: string };
