/**
 * The coreutils against GNU coreutils 9 (man pages ls(1), cp(1), …): output
 * formats and error texts a reader would see on Debian, run in a fresh host.
 * Timestamps are the virtual clock's (the test host boots at 2026-01-01 00:00 UTC).
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../../testing/harness.ts';

const cases: [string, string, number][] = [
  // ls(1)
  ['mkdir /t; cd /t; touch b a .h; ls', 'a  b\n', 0],
  ['mkdir /t; cd /t; touch b a .h; ls -a | cat', '.\n..\n.h\na\nb\n', 0],
  ['mkdir /t; cd /t; touch b a .h; ls -A -1', '.h\na\nb\n', 0],
  ['mkdir /t; cd /t; echo hi > f; mkdir d; ln -s f l; ls -l', 'total 8\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 d\n-rw-r--r-- 1 root root    3 Jan  1 00:00 f\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 l -> f\n', 0],
  ['mkdir /t; cd /t; mkdir d; touch x; chmod +x x; ls -F', 'd/  x*\n', 0],
  ['mkdir /t; truncate -s 1536K /t/big; ls -lh /t', 'total 1.5M\n-rw-r--r-- 1 root root 1.5M Jan  1 00:00 big\n', 0],
  ['ls -ld /tmp', 'drwxrwxrwt 2 root root 4096 Jan  1 00:00 /tmp\n', 0],
  ['mknod /tmp/wh c 0 0 2>/dev/null || true; ls -l /dev/null | cut -c1-10', 'crw-rw-rw-\n', 0],
  ['ls /nope', "ls: cannot access '/nope': No such file or directory\n", 2],
  ['mkdir -p /t/a/b; touch /t/a/b/f; ls -R /t', '/t:\na\n\n/t/a:\nb\n\n/t/a/b:\nf\n', 0],
  ['ls -z', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
  // rm, rmdir, mkdir, touch
  ['rm /nope', "rm: cannot remove '/nope': No such file or directory\n", 1],
  ['rm -f /nope; echo $?', '0\n', 0],
  ['mkdir /d; rm /d', "rm: cannot remove '/d': Is a directory\n", 1],
  ['mkdir -p /d/e; touch /d/e/f; rm -r /d; ls /d', "ls: cannot access '/d': No such file or directory\n", 2],
  ['rm', "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
  ['rm -rf /', "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", 1],
  ['mkdir -p /d/e; rmdir /d', "rmdir: failed to remove '/d': Directory not empty\n", 1],
  ['mkdir /tmp', "mkdir: cannot create directory '/tmp': File exists\n", 1],
  ['mkdir /a/b', "mkdir: cannot create directory '/a/b': No such file or directory\n", 1],
  ['mkdir -p /a/b/c && ls /a/b', 'c\n', 0],
  ['touch /nope/x', "touch: cannot touch '/nope/x': No such file or directory\n", 1],
  // cp, mv, ln
  ['echo x > /f; cp /f /g; cat /g', 'x\n', 0],
  ['mkdir /d; cp /d /e', "cp: -r not specified; omitting directory '/d'\n", 1],
  ['cp /nope /x', "cp: cannot stat '/nope': No such file or directory\n", 1],
  ['cp /etc/hosts', "cp: missing destination file operand after '/etc/hosts'\nTry 'cp --help' for more information.\n", 1],
  ['mkdir -p /d/s; echo 1 > /d/s/f; cp -r /d /e; cat /e/s/f', '1\n', 0],
  ['echo x > /f; chmod 600 /f; cp -p /f /g; stat -c %a /g', '600\n', 0],
  ['echo x > /f; mkdir /d; mv /f /d; ls /d; ls /f', "f\nls: cannot access '/f': No such file or directory\n", 2],
  ['mv /nope /x', "mv: cannot stat '/nope': No such file or directory\n", 1],
  ['echo x > /f; ln -s /f /l; readlink /l; cat /l', '/f\nx\n', 0],
  ['touch /f /l; ln -s /f /l', "ln: failed to create symbolic link '/l': File exists\n", 1],
  ['echo x > /f; ln /f /h; stat -c %h /f', '2\n', 0],
  // chmod, chown, stat
  ['touch /f; chmod 751 /f; stat -c "%a %A" /f', '751 -rwxr-x--x\n', 0],
  ['touch /f; chmod u=rw,go= /f; chmod g+r /f; stat -c %A /f', '-rw-r-----\n', 0],
  ['touch /f; chmod nope /f', "chmod: invalid mode: 'nope'\nTry 'chmod --help' for more information.\n", 1],
  ['chmod 644 /nope', "chmod: cannot access '/nope': No such file or directory\n", 1],
  ['touch /f; chown nobody:nogroup /f; stat -c "%U %G %u" /f', 'nobody nogroup 65534\n', 0],
  ['echo hello > /f; stat /f | head -2', '  File: /f\n  Size: 6               Blocks: 8          IO Block: 4096   regular file\n', 0],
  // text tools
  ['printf "a\\nb\\nc\\n" | head -n 2', 'a\nb\n', 0],
  ['seq 10 | tail -n 3', '8\n9\n10\n', 0],
  ['seq 5 | tail -n +4', '4\n5\n', 0],
  ['seq 5 | head -n -3', '1\n2\n', 0],
  ['printf "abcdef" | head -c 3', 'abc', 0],
  ['head /nope', "head: /nope: No such file or directory\n", 1],
  ['printf "a b\\nc\\n" | wc', '      2       3       6\n', 0],
  ['printf "a b\\nc\\n" | wc -l', '2\n', 0],
  ['printf "a b\\nc\\n" > /f; wc -w /f', '3 /f\n', 0],
  ['printf "b\\na\\nc\\na\\n" | sort', 'a\na\nb\nc\n', 0],
  ['printf "b\\na\\nc\\na\\n" | sort -u -r', 'c\nb\na\n', 0],
  ['printf "10\\n9\\n100\\n" | sort -n', '9\n10\n100\n', 0],
  ['printf "x 3\\ny 1\\nz 2\\n" | sort -k2 -n', 'y 1\nz 2\nx 3\n', 0],
  ['printf "a\\na\\nb\\na\\n" | uniq -c', '      2 a\n      1 b\n      1 a\n', 0],
  ['echo "a:b:c:d" | cut -d: -f2,4', 'b:d\n', 0],
  ['echo "hello" | cut -c2-4', 'ell\n', 0],
  ['echo hello | tr a-z A-Z', 'HELLO\n', 0],
  ['echo "a  b   c" | tr -s " "', 'a b c\n', 0],
  ['echo hello123 | tr -d 0-9', 'hello\n', 0],
  ['echo hi | tee /f > /dev/null; cat /f', 'hi\n', 0],
  ['seq 3', '1\n2\n3\n', 0],
  ['seq 2 2 7', '2\n4\n6\n', 0],
  ['seq -w 8 10', '08\n09\n10\n', 0],
  ['seq -s, 3', '1,2,3\n', 0],
  ['seq 5 -1 3', '5\n4\n3\n', 0],
  ['printf "one\\ntwo\\nthree\\n" | grep -n t', '2:two\n3:three\n', 0],
  ['printf "one\\ntwo\\n" | grep -v one', 'two\n', 0],
  ['printf "One\\ntwo\\n" | grep -ic one', '1\n', 0],
  ['printf "ab12\\n" | grep -oE "[0-9]+"', '12\n', 0],
  ['echo x | grep -q y; echo $?', '1\n', 0],
  ['grep x /nope', 'grep: /nope: No such file or directory\n', 2],
  ['mkdir -p /g/s; echo needle > /g/s/f; grep -r needle /g', '/g/s/f:needle\n', 0],
  ['echo "a.b" | grep -F .', 'a.b\n', 0],
  ['echo "foo bar" | grep -w bar', 'foo bar\n', 0],
  ['echo hello world | sed "s/o/0/"', 'hell0 world\n', 0],
  ['echo hello world | sed "s/o/0/g"', 'hell0 w0rld\n', 0],
  ['echo hello | sed -E "s/(h)(e)/\\2\\1/"', 'ehllo\n', 0],
  ['seq 5 | sed -n "2,3p"', '2\n3\n', 0],
  ['seq 5 | sed "2d;4d"', '1\n3\n5\n', 0],
  ['seq 3 | sed "\\$d"', '1\n2\n', 0],
  ['seq 4 | sed -n "/3/,\\$p"', '3\n4\n', 0],
  ['echo abc > /f; sed -i "s/b/B/" /f; cat /f', 'aBc\n', 0],
  ['echo x | sed "s/x"', "sed: -e expression #1, char 3: unterminated `s' command\n", 1],
  ['echo "a b c" | xargs -n 1 echo x', 'x a\nx b\nx c\n', 0],
  ['printf "1\\n2\\n" | xargs -I {} echo n{}', 'n1\nn2\n', 0],
  ['echo a b | xargs', 'a b\n', 0],
  // find, du
  ['mkdir -p /f/a/b; touch /f/a/x.txt /f/a/b/y.txt /f/z.log; find /f -name "*.txt"', '/f/a/b/y.txt\n/f/a/x.txt\n', 0],
  ['mkdir -p /f/a/b; find /f -type d', '/f\n/f/a\n/f/a/b\n', 0],
  ['mkdir -p /f/a/b; find /f -maxdepth 1', '/f\n/f/a\n', 0],
  ['mkdir -p /f; touch /f/1 /f/2; find /f -type f -exec echo got {} \\;', 'got /f/1\ngot /f/2\n', 0],
  ['find /nope', "find: '/nope': No such file or directory\n", 1],
  ['mkdir /u; dd if=/dev/zero of=/u/a bs=1M count=1 status=none; du -s /u', '1028\t/u\n', 0],
  ['mkdir /u; dd if=/dev/zero of=/u/a bs=1M count=10 status=none; du -sh /u', '11M\t/u\n', 0],
  ['mkdir -p /u/v; echo x > /u/v/f; du /u', '8\t/u/v\n12\t/u\n', 0],
  // paths, env
  ['basename /a/b/c.txt .txt; dirname /a/b/c.txt; basename /', 'c\n/a/b\n/\n', 0],
  ['mkdir -p /r/s; ln -s /r/s /r/l; readlink -f /r/l/../s', '/r/s\n', 0],
  ['cd /tmp; pwd; /usr/bin/pwd', '/tmp\n/tmp\n', 0],
  ['which ls sh', '/usr/bin/ls\n/usr/bin/sh\n', 0],
  ['which nope; echo $?', '1\n', 0],
  ['env -i A=1 env', 'A=1\n', 0],
  ['FOO=bar printenv FOO', 'bar\n', 0],
  ['env nope', "env: 'nope': No such file or directory\n", 127],
  // date, dd, truncate
  ['date -u -d @0', 'Thu Jan  1 00:00:00 UTC 1970\n', 0],
  ['date -d @86400 +%Y-%m-%dT%H:%M:%S', '1970-01-02T00:00:00\n', 0],
  ['dd if=/dev/zero of=/z bs=1M count=2 status=none; stat -c %s /z', '2097152\n', 0],
  ['dd if=/dev/zero of=/z bs=1k count=4 2>&1 | head -2', '4+0 records in\n4+0 records out\n', 0],
  ['truncate -s 100 /t; stat -c %s /t; truncate -s +50 /t; stat -c %s /t', '100\n150\n', 0],
  // echo, printf, test
  ['echo -n a; echo b', 'ab\n', 0],
  ['echo -e "a\\tb\\nc"', 'a\tb\nc\n', 0],
  ['echo "a\\tb"', 'a\\tb\n', 0],
  ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n', 0],
  ['printf "%5s|%-5s|%05d|%x|%o|%.2f\\n" ab cd 42 255 8 3.14159', '   ab|cd   |00042|ff|10|3.14\n', 0],
  ['printf "%d\\n" abc', "0\nsh: printf: abc: invalid number\n", 1],
  ['[ 1 -lt 2 ] && echo y; [ a = b ] || echo n', 'y\nn\n', 0],
  ['[ -d /tmp -a -f /etc/hostname ]; echo $?', '0\n', 0],
  ['[ abc -eq 1 ]', 'sh: [: abc: integer expression expected\n', 2],
  ['[ 1 = 1', "sh: [: missing `]'\n", 2],
  ['test -z ""; echo $?; test -n ""; echo $?', '0\n1\n', 0],
  ['/usr/bin/test 2 -gt 1; echo $?', '0\n', 0],
  // sha256sum, pagers
  ['echo -n abc | sha256sum', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n', 0],
  ['echo hi > /f; sha256sum /f > /s; sha256sum -c /s; echo x >> /f; sha256sum -c /s', '/f: OK\n/f: FAILED\nsha256sum: WARNING: 1 computed checksum did NOT match\n', 1],
  ['cat /etc/hostname | less; more /etc/hostname', 'host\nhost\n', 0],
  // --help
  ['wc --help | head -1', 'Usage: wc [OPTION]... [FILE]...\n', 0],
  ['clear | wc -c', '7\n', 0],
];

describe('coreutils: GNU formats and messages', () => {
  it.each(cases)('%j', async (script, out, status) => {
    const r = await sh(script);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });
});

/** An alpine-like PATH: applets are symlinks to busybox, which runs the applet named by argv[0]. */
const BB = 'mkdir /bb; for a in ls cat rm mkdir sh; do ln -s /usr/bin/busybox /bb/$a; done; PATH=/bb\n';

describe('BusyBox applets (alpine) print BusyBox formats and messages (busybox coreutils/ls.c, libbb)', () => {
  it.each([
    ['ls /nope', 'ls: /nope: No such file or directory\n', 1],
    ['cat /nope', "cat: can't open '/nope': No such file or directory\n", 1],
    ['rm /nope', "rm: can't remove '/nope': No such file or directory\n", 1],
    ['mkdir /tmp', "mkdir: can't create directory '/tmp': File exists\n", 1],
    ['nosuch', 'sh: nosuch: command not found\n', 127],
    ['sh -c nosuch', 'sh: nosuch: not found\n', 127],
    ['sh -c "cd /nope"', "sh: cd: can't cd to /nope: No such file or directory\n", 2],
    ['echo hi > /tmp/f; ls -l /tmp/f', '-rw-r--r--    1 root     root             3 Jan  1 00:00 /tmp/f\n', 0],
    ['ls -l /dev/null', 'crw-rw-rw-    1 root     root        1,   3 Jan  1 00:00 /dev/null\n', 0],
    ['/usr/bin/busybox frobnicate', 'frobnicate: applet not found\n', 127],
    ['/usr/bin/busybox vi', 'sh: vi: not available in this model\n', 127],
  ])('%j', async (script, out, status) => {
    const r = await sh(BB + script);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });
});

describe('help lists every registered command with its summary', () => {
  it('includes coreutils and builtins', async () => {
    const r = await sh('help');
    expect(r.out).toMatch(/^Shell builtins: .*\bcd\b.*\bexport\b/);
    expect(r.out).toMatch(/\n {2}ls +list directory contents\n/);
    expect(r.out).toMatch(/\n {2}grep +print lines that match patterns\n/);
  });
});
