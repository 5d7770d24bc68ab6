/**
 * The interpreter against bash's behaviour (bash(1), XCU 2.5–2.14): each row
 * is a script typed at the prompt of a fresh host and the exact terminal text
 * and $? it must give.
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../testing/harness.ts';

describe('expansion (XCU 2.6)', () => {
  it.each([
    ['echo $HOME ~ ~/x', '/root /root /root/x\n'],
    ['X="a  b"; echo $X; echo "$X"', 'a b\na  b\n'],
    ['X=; echo [$X] ["$X"]', '[] []\n'],
    ['echo ${U:-dflt} ${U-d2} ${U:+alt} ${HOME:+set}', 'dflt d2 set\n'],
    ['echo ${U:=now}; echo $U', 'now\nnow\n'],
    ['X=/a/b/c.tar.gz; echo ${X#*/} ${X##*/} ${X%.*} ${X%%.*} ${#X}', 'a/b/c.tar.gz c.tar.gz /a/b/c.tar /a/b/c 13\n'],
    ['echo $((1 + 2 * 3)) $((10 / 3)) $((10 % 3)) $((2 ** 10)) $(( (1+2) * 3 ))', '7 3 1 1024 9\n'],
    ['x=5; echo $((x += 2)) $x $((x++)) $x $((x > 3 ? 1 : 0))', '7 7 7 8 1\n'],
    ['echo $(echo a; echo b) "$(printf "x\\n\\n")"', 'a b x\n'],
    ['echo `echo back`', 'back\n'],
    ['set -- a "b c" d; echo $#; for a in "$@"; do echo "[$a]"; done', '3\n[a]\n[b c]\n[d]\n'],
    ['set -- a b; echo "$*" "$1" "${2}"', 'a b a b\n'],
    ['f() { echo "$0 $1 $#"; }; f x y', '-bash x 2\n'],
    ["echo 'single $HOME' \"double $HOME\" \\$HOME", 'single $HOME double /root $HOME\n'],
    ['IFS=:; X=a:b:c; for i in $X; do echo $i; done', 'a\nb\nc\n'],
    ['echo "a\\"b" \'c\'"d"', 'a"b cd\n'],
    ["echo $'tab\\there'", 'tab\there\n'],
    ['cd /etc; echo host*', 'hostname hosts\n'],
    ['echo /etc/*.nothing', '/etc/*.nothing\n'],
    ['echo "/etc/host*"', '/etc/host*\n'],
    ['echo /etc/host?', '/etc/hosts\n'],
    ['echo /etc/[gh]ro*', '/etc/group\n'],
    ['echo $((1/0))', 'sh: 1/0: division by 0 (error token is "0")\n'],
    ['set -u; echo $NOPE', 'sh: NOPE: unbound variable\n'],
    ['X=/usr/local/bin:/usr/bin; echo ${X//:/ } ${X/usr/USR} ${X/#\\/usr/U} ${X/%bin/B}', '/usr/local/bin /usr/bin /USR/local/bin:/usr/bin U/local/bin:/usr/bin /usr/local/bin:/usr/B\n'],
    ['X=abcdefgh; echo ${X:2} ${X:2:3} ${X: -3} ${X:1:-2}', 'cdefgh cde fgh bcdef\n'],
    ['echo "$(< /etc/hostname)"', 'host\n'],
    ['echo ${NOPE:?must be set}', 'sh: NOPE: must be set\n'],
  ])('%j', async (script, out) => {
    expect((await sh(script)).out).toBe(out);
  });
});

describe('control flow and status ($?)', () => {
  it.each([
    ['true; echo $?; false; echo $?', '0\n1\n', 0],
    ['! true; echo $?', '1\n', 0],
    ['false && echo no || echo yes', 'yes\n', 0],
    ['true || echo no; echo $?', '0\n', 0],
    ['if false; then echo a; elif true; then echo b; else echo c; fi', 'b\n', 0],
    ['for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done', '1\n3\n', 0],
    ['i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 3 ] && break; done; echo $i', '3\n', 0],
    ['i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done', '0\n1\n', 0],
    ['for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done', 'a1\nb1\n', 0],
    ['case hello.txt in *.sh) echo sh;; *.txt|*.md) echo text;; esac', 'text\n', 0],
    ['case x in y) echo y;; esac; echo $?', '0\n', 0],
    ['f() { return 3; }; f; echo $?', '3\n', 0],
    ['f() { local v=in; echo $v; }; v=out; f; echo $v', 'in\nout\n', 0],
    ['declare -x A=1; sh -c \'echo $A\'; f() { declare B=in; echo $B; }; B=out; f; echo $B; readonly C=3; sh -c \'echo [$C]\'', '1\nin\nout\n[]\n', 0],
    ['f() { g() { echo inner; }; }; f; g', 'inner\n', 0],
    ['exit 7', 'exit\n', 7],
    ['(exit 4); echo $?', '4\n', 0],
    ['(cd /tmp; pwd); pwd', '/tmp\n/root\n', 0],
    ['{ echo a; echo b; } | wc -l', '2\n', 0],
    ['x=1; (x=2); echo $x', '1\n', 0],
    ['echo a | (read v; echo got $v)', 'got a\n', 0],
    ['printf "1 2\\n3 4\\n" | while read a b; do echo $b$a; done', '21\n43\n', 0],
    ['set -e; false; echo never', '', 1],
    ['set -e; if false; then :; fi; false || true; echo survived', 'survived\n', 0],
    ['eval "echo a; echo b"', 'a\nb\n', 0],
    ["sh -c 'trap \"echo bye \\$?\" EXIT; echo hi; exit 3'; echo $?", 'hi\nbye 3\n3\n', 0],
    ["(trap 'echo sub-bye' 0; echo in); trap 'echo x' INT; trap; trap - INT; trap", "in\nsub-bye\ntrap -- 'echo x' INT\n", 0],
    ['trap foo BAR', 'sh: trap: BAR: invalid signal specification\n', 1],
    ['break', "sh: break: only meaningful in a `for', `while', or `until' loop\n", 0],
    ['return', "sh: return: can only `return' from a function or sourced script\n", 1],
    ['f() { f; }; f; echo after', 'sh: f: maximum function nesting level exceeded (1000)\nafter\n', 0],
    ['x=\'eval "$x"\'; eval "$x"; echo after', 'sh: eval: maximum nesting level exceeded (1000)\nafter\n', 0],
    ['set -x; echo hi "a b"', "+ echo hi 'a b'\nhi a b\n", 0],
    ["echo '. /tmp/s' > /tmp/s; . /tmp/s; echo after", 'sh: /tmp/s: maximum source nesting level exceeded (1000)\nafter\n', 0],
    ["echo /tmp/s > /tmp/s; chmod +x /tmp/s; /tmp/s; echo after $?", 'sh: /tmp/s: maximum nesting level exceeded (1000)\nafter 126\n', 0],
  ])('%j', async (script, out, status) => {
    const r = await sh(script);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });
});

describe("commands as processes, errors in bash's words", () => {
  it.each([
    ['nosuchcmd', 'sh: nosuchcmd: command not found\n', 127],
    ['/nope/x', 'sh: /nope/x: No such file or directory\n', 127],
    ['echo "echo hi" > /tmp/s; /tmp/s', 'sh: /tmp/s: Permission denied\n', 126],
    ['echo "echo hi from \\$0" > /tmp/s; chmod +x /tmp/s; /tmp/s', 'hi from /tmp/s\n', 0],
    ['printf "#!/bin/sh\\necho args: \\$@\\n" > /tmp/s; chmod 755 /tmp/s; /tmp/s 1 2', 'args: 1 2\n', 0],
    ['printf "#!/no/interp\\n" > /tmp/s; chmod 755 /tmp/s; /tmp/s', 'sh: /tmp/s: /no/interp: bad interpreter: No such file or directory\n', 126],
    ['/tmp', 'sh: /tmp: Is a directory\n', 126],
    ['cd /nope', 'sh: cd: /nope: No such file or directory\n', 1],
    ['cd /etc/hosts', 'sh: cd: /etc/hosts: Not a directory\n', 1],
    ['cat < /nope', 'sh: /nope: No such file or directory\n', 1],
    ['echo x > /nope/f', 'sh: /nope/f: No such file or directory\n', 1],
    ['echo x > /tmp', 'sh: /tmp: Is a directory\n', 1],
    ['touch /tmp/b; nosuch 2>/tmp/b/; echo $?', 'sh: /tmp/b/: Not a directory\n1\n', 0],
    ['echo out; echo err >&2', 'out\nerr\n', 0],
    ['ls /nope 2>/dev/null; echo $?', '2\n', 0],
    ['ls /nope 2>&1 | wc -l', '1\n', 0],
    ['echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f', 'a\nb\n', 0],
    ['cat <<EOF\nhome=$HOME\n$(echo sub)\nEOF', 'home=/root\nsub\n', 0],
    ["cat <<'EOF'\n$HOME\nEOF", '$HOME\n', 0],
    ['cat <<-EOF\n\t\tx\n\tEOF', 'x\n', 0],
    ['sh -c \'echo $0 $1; exit 3\' zero one; echo $?', 'zero one\n3\n', 0],
    ['echo "echo piped" | sh', 'piped\n', 0],
    ['bash -c "type cd; type ls; type if"', 'cd is a shell builtin\nls is /usr/bin/ls\nif is a shell keyword\n', 0],
    ['command -v ls cd', '/usr/bin/ls\ncd\n', 0],
    ['x=1 sh -c \'echo $x\'; echo "[$x]"', '1\n[]\n', 0],
    ['export A=1; sh -c \'echo $A\'', '1\n', 0],
    ['echo $$ $PPID | wc -w', '2\n', 0],
    ['ls / >/dev/null; hash', 'hits\tcommand\n   1\t/usr/bin/ls\n', 0],
    ['mkdir /x; printf "#!/bin/sh\\necho mine\\n" > /x/ls; chmod +x /x/ls; ls -d /; PATH=/x ls; ls -d /; export PATH=/x:$PATH; ls', '/\nmine\n/\nmine\n', 0],
    // bash reports a child that a signal ended; a child that exits 137 itself (as docker run does after an OOM kill) is not "Killed"
    ["sh -c 'kill -9 $$'; echo $?", 'Killed\n137\n', 0],
    ["sh -c 'kill $$'; echo $?", 'Terminated\n143\n', 0],
    ["sh -c 'exit 137'; echo $?", '137\n', 0],
  ])('%j', async (script, out, status) => {
    const r = await sh(script);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });
});

describe('everyday bash: [[ ]], (( )), brace expansion, aliases, pipefail (bash(1))', () => {
  it.each([
    ['[[ -d /tmp && abc == a* ]] && echo yes', 'yes\n', 0],
    ['[[ abc == "a*" ]]; echo $?', '1\n', 0],
    ['X="a b"; [[ $X == "a b" ]] && echo no-split', 'no-split\n', 0],
    ['[[ x12 =~ ^x[0-9]+$ ]] && echo re', 're\n', 0],
    ['[[ ! -e /nope || 1 -gt 2 ]]; echo $?', '0\n', 0],
    ['[[ a b ]]', "sh: syntax error in conditional expression: unexpected token `b'\n", 2],
    ['i=1; ((i += 2)); echo $i; (( i > 5 )); echo $?', '3\n1\n', 0],
    ['for ((i = 0; i < 3; i++)); do echo $i; done', '0\n1\n2\n', 0],
    ['for ((;;)); do echo once; break; done', 'once\n', 0],
    ['echo a{b,c}d {1..3} {01..03} {a..c} {5..1..2} "{x,y}" {z}', 'abd acd 1 2 3 01 02 03 a b c 5 3 1 {x,y} {z}\n', 0],
    ['mkdir -p /p/{src,test}/{a,b}; ls /p /p/src', '/p:\nsrc  test\n\n/p/src:\na  b\n', 0],
    ['echo {1..999999}', 'sh: brace expansion: more than 100000 words\n', 1],
    ["alias ll='ls -ld'; ll /tmp", 'drwxrwxrwt 2 root root 4096 Jan  1 00:00 /tmp\n', 0],
    ["alias e='echo x'; type e; unalias e; e", "e is aliased to `echo x'\nsh: e: command not found\n", 127],
    ['false | true; echo $?; set -o pipefail; false | true; echo $?', '0\n1\n', 0],
  ])('%j', async (script, out, status) => {
    const r = await sh(script);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });
});

describe('jobs', () => {
  it('runs `&` jobs in the background, reports [N] PID, waits for them', async () => {
    const r = await sh('echo bg > /tmp/o & wait $!; echo $?; cat /tmp/o');
    expect(r.out).toMatch(/^\[1\] \d+\n0\nbg\n/);
  });
  it.each([
    ['sleep 9 &', ['bash', 'ps', 'sleep']],
    ['sleep 9 & sleep 9 &', ['bash', 'ps', 'sleep', 'sleep']],
  ])('`%s`: the forked child execs a simple command in place, one process per job (counts at pids.max)', async (jobs, comms) => {
    const r = await sh(`${jobs}\nps -o comm --no-headers`);
    expect(r.out.split('\n').filter((l) => l && !l.startsWith('[')).sort()).toEqual(comms);
  });
  it('`fg` waits for the job in the foreground and prints its command; no job is bash\'s message', async () => {
    const r = await sh('sleep 5 &\nfg; echo $?; fg');
    expect(r.out).toMatch(/^\[1\] \d+\nsleep 5\n0\nsh: fg: current: no such job\n$/);
    expect(r.status).toBe(1);
  });
  it('`jobs` lists a finished job as Done', async () => {
    const r = await sh('true &\nwait\njobs');
    expect(r.out).toMatch(/^\[1\] \d+\n$/);
  });
});
