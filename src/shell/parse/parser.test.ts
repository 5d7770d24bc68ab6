/**
 * The parser against XCU 2.10 (Shell Grammar) and bash's behaviour at the
 * prompt: complete input gives a tree, open constructs are `incomplete`
 * (PS2), and real errors read like bash's
 * ("syntax error near unexpected token `)'").
 */
import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import type { Command, Script, Word, WordPart } from './ast.ts';

function part(p: WordPart): string {
  switch (p.type) {
    case 'lit': return p.quoted ? `'${p.value}'` : p.value;
    case 'dq': return `"${p.parts.map(part).join('')}"`;
    case 'param': return `\${${p.op === 'len' ? '#' : ''}${p.name}${p.op && p.op !== 'len' ? p.op + (p.arg ? word(p.arg) : '') : ''}}`;
    case 'cmdsub': return `$(${show(p.body)})`;
    case 'arith': return `$((${word(p.expr)}))`;
  }
}
function word(w: Word): string {
  return w.parts.map(part).join('');
}
function cmd(c: Command): string {
  const r = c.redirs.map((x) => ` ${x.fd ?? ''}${x.op}${word(x.target)}${x.heredoc ? `[${word(x.heredoc)}]` : ''}`).join('');
  switch (c.type) {
    case 'simple': return `(${[...c.assigns.map((a) => `${a.name}=${word(a.value)}`), ...c.words.map(word)].join(' ')}${r})`;
    case 'subshell': return `(sub ${show(c.body)})${r}`;
    case 'group': return `{${show(c.body)}}${r}`;
    case 'if': return `(if ${c.clauses.map((x) => `${show(x.cond)} then ${show(x.body)}`).join(' elif ')}${c.orElse ? ` else ${show(c.orElse)}` : ''})${r}`;
    case 'for': return `(for ${c.name}${c.items ? ` in ${c.items.map(word).join(' ')}` : ''} do ${show(c.body)})${r}`;
    case 'while': return `(${c.until ? 'until' : 'while'} ${show(c.cond)} do ${show(c.body)})${r}`;
    case 'case': return `(case ${word(c.word)} ${c.items.map((i) => `${i.patterns.map(word).join('|')}) ${show(i.body)}`).join(';; ')})${r}`;
    case 'func': return `(fn ${c.name} ${cmd(c.body)})`;
    case 'arith': return `((${word(c.expr)}))${r}`;
    case 'cfor': return `(for ((${word(c.init)};${word(c.cond)};${word(c.step)})) do ${show(c.body)})${r}`;
    case 'cond': return `[[ ${c.words.map(word).join(' ')} ]]${r}`;
  }
}
function show(s: Script): string {
  return s
    .map((ao) => {
      const pl = (p: (typeof ao)['first']): string => `${p.time ? 'time ' : ''}${p.negate ? '! ' : ''}${p.commands.map(cmd).join(' | ')}`;
      return pl(ao.first) + ao.rest.map((r) => ` ${r.op} ${pl(r.pipeline)}`).join('') + (ao.background ? ' &' : '');
    })
    .join('; ');
}

function result(src: string): string {
  const r = parse(src);
  if (r.kind === 'ok') return show(r.script);
  if (r.kind === 'incomplete') return 'INCOMPLETE';
  return `ERROR ${r.message}`;
}

describe('parse: complete input → tree (XCU 2.10)', () => {
  it.each([
    ['echo hello world', '(echo hello world)'],
    ['a | b | c', '(a) | (b) | (c)'],
    ['a && b || c; d &', '(a) && (b) || (c); (d) &'],
    ['! false', '! (false)'],
    ['time sleep 1', 'time (sleep 1)'],
    ['X=1 Y=$X env', '(X=1 Y=${X} env)'],
    ['X=1', '(X=1)'],
    ["echo 'a b' \"c $d\" e\\ f", `(echo 'a b' "'c '\${d}" e' 'f)`],
    ['echo "$(echo "a)")"', `(echo "$((echo "'a)'"))")`],
    ['echo "`echo hi`"', `(echo "$((echo hi))")`],
    ['echo $((1 + 2 * x))', "(echo $(('1 + 2 * x')))"],
    ['echo ${X:-def} ${#X} ${X#*/} ${X%%.*}', '(echo ${X:-def} ${#X} ${X#*/} ${X%%.*})'],
    ['echo $1 $# $? $$ $! $@ $*', '(echo ${1} ${#} ${?} ${$} ${!} ${@} ${*})'],
    ['echo ${X//a/b} ${X:1:2}', '(echo ${X//a} ${X:1:2})'],
    ['( cd /tmp; ls )', '(sub (cd /tmp); (ls))'],
    ['{ echo a; echo b; } > f', '{(echo a); (echo b)} >f'],
    ['if a; then b; elif c; then d; else e; fi', '(if (a) then (b) elif (c) then (d) else (e))'],
    ['for i in 1 2 3; do echo $i; done', '(for i in 1 2 3 do (echo ${i}))'],
    ['for i\ndo echo $i\ndone', '(for i do (echo ${i}))'],
    ['while true; do :; done', '(while (true) do (:))'],
    ['until false; do break; done', '(until (false) do (break))'],
    ['case $x in a|b) echo ab;; *) echo other;; esac', '(case ${x} a|b) (echo ab);; *) (echo other))'],
    ['case x in (x) echo;; esac', '(case x x) (echo))'],
    ['f() { echo f; }', '(fn f {(echo f)})'],
    ['function g { echo g; }', '(fn g {(echo g)})'],
    ['cmd 2>&1 >/dev/null 2>>log <in &>all', '(cmd 2>&1 >/dev/null 2>>log <in &>all)'],
    ['echo a >&2', '(echo a >&2)'],
    ['cat <<EOF\nhello $USER\nEOF', "(cat <<EOF['hello '${USER}'\n'])"],
    ["cat <<'EOF'\nhello $USER\nEOF", "(cat <<'EOF'['hello $USER\n'])"],
    ['cat <<-EOF\n\tindented\n\tEOF', "(cat <<-EOF['indented\n'])"],
    ['echo a # a comment', '(echo a)'],
    ['echo a#b', '(echo a#b)'],
    ['echo a \\\n b', '(echo a b)'],
    ['a |\n b', '(a) | (b)'],
    ['a &&\n b', '(a) && (b)'],
    ["echo $'a\\tb'", "(echo 'a\tb')"],
    ['[[ -f x && $a == "b" ]]', '[[ -f x && ${a} == "\'b\'" ]]'],
    ['((i++)) && echo', "(('i++')) && (echo)"],
    ['( (echo) )', '(sub (sub (echo)))'],
    ['for ((i=0; i<3; i++)); do echo $i; done', "(for (('i=0';' i<3';' i++')) do (echo ${i}))"],
    ['', ''],
    ['   # only a comment', ''],
  ])('%j', (src, tree) => {
    expect(result(src)).toBe(tree);
  });
});

describe('parse: open constructs are incomplete, not errors (bash shows PS2)', () => {
  it.each([
    ['echo "abc'],
    ["echo 'abc"],
    ['echo "$(echo'],
    ['echo $(ls'],
    ['echo `ls'],
    ['echo ${X'],
    ['echo $((1 +'],
    ['for i in 1 2; do echo $i'],
    ['while true; do'],
    ['if true; then echo'],
    ['if true'],
    ['case x in'],
    ['case x in a) echo;;'],
    ['{ echo a;'],
    ['( echo a'],
    ['f() {'],
    ['echo a |'],
    ['echo a &&'],
    ['echo a ||'],
    ['cat <<EOF'],
    ['cat <<EOF\nline'],
    ['echo a \\'],
    ['echo "a\\'],
    ['[[ -f x'],
    ['(( 1 +'],
  ])('%j', (src) => {
    expect(parse(src).kind).toBe('incomplete');
  });
});

describe("parse: syntax errors in bash's words", () => {
  it.each([
    ['echo )', "syntax error near unexpected token `)'"],
    [')', "syntax error near unexpected token `)'"],
    [';;', "syntax error near unexpected token `;;'"],
    ['; echo', "syntax error near unexpected token `;'"],
    ['echo a; ;', "syntax error near unexpected token `;'"],
    ['| wc', "syntax error near unexpected token `|'"],
    ['&& ls', "syntax error near unexpected token `&&'"],
    ['fi', "syntax error near unexpected token `fi'"],
    ['done', "syntax error near unexpected token `done'"],
    ['if then fi', "syntax error near unexpected token `then'"],
    ['for 1 in a; do :; done', "syntax error near unexpected token `1'"],
    ['echo >', "syntax error near unexpected token `newline'"],
    ['echo > | x', "syntax error near unexpected token `|'"],
    ['echo a (b)', "syntax error near unexpected token `('"],
    ['while; do :; done', "syntax error near unexpected token `;'"],
    ['echo ${X!}', '${X!}: bad substitution'],
    ['echo ${}', '${}: bad substitution'],
    ['echo $(echo ))', "syntax error near unexpected token `)'"],
  ])('%j', (src, message) => {
    expect(parse(src)).toEqual({ kind: 'error', message });
  });
});

describe('parse: pathological input stays bounded', () => {
  it.each([
    ['('.repeat(5000)],
    ['$('.repeat(3000)],
    ['{ '.repeat(3000)],
    ['"'.repeat(10001)],
    ['echo ' + 'a'.repeat(100000)],
  ])('%#', (src) => {
    const r = parse(src);
    expect(['ok', 'incomplete', 'error']).toContain(r.kind);
  });
});
