// Output formats of the system tools, each as the real tool prints it: ps(1) procps-ng, free(1), df(1) GNU,
// uname(1), kill(1), sysctl(8), mount(8)/umount(8) util-linux, ip(8) iproute2, lsns(8), id(1), dmesg(1).
import { describe, expect, it } from 'vitest';
import { systemHost } from './testing.ts';

const run = async (script: string) => systemHost().sh(script, undefined, true);

describe('exact outputs', () => {
  it.each([
    ['uname -r', '6.12.48+deb13-amd64\n'],
    ['uname -snm', 'Linux host x86_64\n'],
    ['uname -a', 'Linux host 6.12.48+deb13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20) x86_64 GNU/Linux\n'],
    ['uname -x', "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n"],
    ['hostname', 'host\n'],
    ['id', 'uid=0(root) gid=0(root) groups=0(root)\n'],
    ['whoami', 'root\n'],
    ['ps -o pid,comm', '    PID COMMAND\n    401 bash\n    402 ps\n'],
    ['ps -o pid= -p 1', '      1\n'],
    ['ps -p 1 -o comm,args', 'COMMAND         COMMAND\nsystemd         /sbin/init\n'],
    ['ps -o bogus', 'error: unknown user-defined format specifier "bogus"'],
    ['/usr/bin/kill 99999', 'kill: (99999): No such process\n'],
    ['/usr/bin/kill -l 9', 'KILL\n'],
    ['/usr/bin/kill -l', 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n'],
    ['/usr/bin/kill -L', ' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS'],
    ['/usr/bin/kill -l TERM', '15\n'],
    ['sysctl kernel.ostype kernel.osrelease', 'kernel.ostype = Linux\nkernel.osrelease = 6.12.48+deb13-amd64\n'],
    ['sysctl -n kernel.pid_max', '4194304\n'],
    ['sysctl -w vm.swappiness=10 && sysctl vm.swappiness', 'vm.swappiness = 10\nvm.swappiness = 10\n'],
    ['sysctl nope.nope', 'sysctl: cannot stat /proc/sys/nope/nope: No such file or directory\n'],
    ['mount -t proc proc /nowhere', 'mount: /nowhere: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n'],
    ['mount -t bogus none /mnt', "mount: /mnt: unknown filesystem type 'bogus'.\n       dmesg(1) may have more information after failed mount system call.\n"],
    ['umount /mnt', 'umount: /mnt: not mounted.\n'],
    ['mount -t tmpfs -o size=1m none /mnt && mount -t tmpfs', 'tmpfs on /dev/shm type tmpfs (rw,nosuid,nodev,inode64)\ntmpfs on /run type tmpfs (rw,nosuid,nodev,noexec,relatime,size=838860k,mode=755,inode64)\nnone on /mnt type tmpfs (rw,relatime,size=1m,inode64)\n'],
    ['unshare --net ip -br link', 'lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n'],
    ['ip link set nope up', 'Cannot find device "nope"\n'],
    ['ip link add v0 type veth peer name v1 && ip link add v0 type veth peer name v2', 'RTNETLINK answers: File exists\n'],
    ['ip netns add red && ip netns && ip netns exec red ip -br a', 'red\nlo               DOWN           \n'],
    ['unshare --user --pid --fork --mount-proc true; echo $?', '0\n'],
    ['unshare --net ss -ltn', 'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n'],
    ['sleep', "sleep: missing operand\nTry 'sleep --help' for more information.\n"],
    ['sleep 1x', "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n"],
    ['chroot /nope true', "chroot: cannot change root directory to '/nope': No such file or directory\n"],
    ['nsenter -t 99999 -n true', 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n'],
    // capsh --decode (libcap capsh.c): Docker's default CapEff, facts §9.2
    ['capsh --decode=00000000a80425fb', '0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap\n'],
    ['capsh --decode=0x2000', '0x0000000000002000=cap_net_raw\n'],
  ])('%s', async (script, want) => {
    const r = await run(script);
    if (want.endsWith('\n')) expect(r.out).toBe(want);
    else expect(r.out).toContain(want);
  });
});

describe('formats with computed numbers', () => {
  it.each([
    ['free', /^ {15}total {8}used {8}free {6}shared {2}buff\/cache {3}available\nMem: {9}\d{7} +\d+ +\d+ +0 +\d+ +\d+\nSwap: {14}0 {11}0 {11}0\n$/],
    ['free -h', /^Mem: +7\.8Gi +\d+Mi +7\.\dGi +0B +\d+Mi +7\.\dGi\n/m],
    ['df -h /', /^Filesystem {6}Size {2}Used Avail Use% Mounted on\n\/dev\/sda1 {8}64G {2}4\.0K {3}61G {3}1% \/\n$/],
    ['df -T /run', /^Filesystem {5}Type  1K-blocks  Used Available Use% Mounted on\ntmpfs {10}tmpfs {4}838861 {5}0 {4}838861 {3}0% \/run\n$/],
    ['ps -ef', /^UID {10}PID {4}PPID {2}C STIME TTY {10}TIME CMD\nroot {11}1 {7}0 {2}0 \d\d:\d\d \? {8}00:00:00 \/sbin\/init\nroot {11}2 {7}0 {2}0 \d\d:\d\d \? {8}00:00:00 \[kthreadd\]\n/],
    ['ps aux', /^USER {9}PID %CPU %MEM {4}VSZ {3}RSS TTY {6}STAT START {3}TIME COMMAND\nroot {11}1 {2}0\.0 {2}0\.2 {2}22528 12288 \? {8}Ss {3}\d\d:\d\d {3}0:00 \/sbin\/init\n/],
    ['top -b -n 1', /^top - \d\d:\d\d:\d\d up 0 min, {2}1 user, {2}load average: 0\.00, 0\.01, 0\.05\nTasks: +\d+ total, +1 running,/],
    ['lsns -t pid', /^ {8}NS TYPE NPROCS PID USER COMMAND\n4026531836 pid +\d+ +1 root \/sbin\/init\n$/],
    ['ip addr show eth0', /^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n {4}link\/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n {4}inet 10\.0\.2\.15\/24 brd 10\.0\.2\.255 scope global eth0\n/],
    ['dmesg', /^\[ {4}0\.000000\] Linux version 6\.12\.48\+deb13-amd64 /],
  ])('%s', async (script, want) => {
    expect((await run(script)).out).toMatch(want);
  });
});

describe('a process without CAP_SYS_ADMIN (as in a default container, facts §9.2–9.3)', () => {
  it.each([
    ['mount -t tmpfs none /mnt', 'mount: /mnt: permission denied.\n       dmesg(1) may have more information after failed mount system call.\n', 32],
    ['hostname x', 'hostname: you must be root to change the host name\n', 1],
    ['unshare --uts true', 'unshare: unshare failed: Operation not permitted\n', 1],
    ['dmesg', 'dmesg: read kernel buffer failed: Operation not permitted\n', 1],
    ['reboot', 'reboot: Operation not permitted\n', 1],
  ])('%s', async (script, want, status) => {
    const h = systemHost();
    const box = h.login.spawn({ argv: ['sh'] });
    box.setCapabilities(new Set(['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID', 'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE']));
    box.setSeccomp!('docker-default');
    const r = await h.sh(script, box, true);
    expect(r.out).toBe(want);
    expect(r.status).toBe(status);
  });
});

describe('stress(1) under cgroup limits (facts §6.2, §6.3)', () => {
  const BOX = '/sys/fs/cgroup/system.slice/box';
  const setup = `mkdir ${BOX}; echo 100M > ${BOX}/memory.max; echo 50000 > ${BOX}/cpu.max; echo $$ > ${BOX}/cgroup.procs; `;
  it.each([
    ['a memory hog over memory.max is OOM-killed', `stress --vm 1 --vm-bytes 200M --timeout 5s; echo status $?; cat ${BOX}/memory.events`,
      /^stress: info: \[\d+\] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\nstress: FAIL: \[\d+\] \(415\) <-- worker \d+ got signal 9\nstress: WARN: \[\d+\] \(417\) now reaping child worker processes\nstress: FAIL: \[\d+\] \(451\) failed run completed in 0s\nstatus 1\nlow 0\nhigh 0\nmax \d+\noom 1\noom_kill 1\n/],
    ['a hog under the limit completes', 'stress --vm 1 --vm-bytes 50M --timeout 5s', /successful run completed in 5s\n$/],
    ['two CPU hogs at cpu.max 50000 100000 get half a CPU', `stress --cpu 2 --timeout 10s >/dev/null; cat ${BOX}/cpu.stat`,
      /^usage_usec 5000000\nuser_usec 4500000\nsystem_usec 500000\nnr_periods 100\nnr_throttled 100\nthrottled_usec 7500000\n/],
  ])('%s', async (_n, script, want) => {
    expect((await run(setup + script)).out).toMatch(want);
  });
});

describe('ss -ltn shows the port space of the caller\'s network namespace (claim port-conflict)', () => {
  it('a listener on the host and one in a new netns on the same port', async () => {
    const h = systemHost();
    h.login.spawn({ argv: ['server'] }).listen(4000);
    h.login.spawn({ argv: ['server'], newNamespaces: ['net'] }).listen(4000);
    const r = await h.sh('ss -ltn');
    expect(r.out).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      4096         0.0.0.0:4000      0.0.0.0:*          \n');
  });
});

describe('Ctrl-C on unshare --fork (util-linux without --kill-child)', () => {
  it('the parent dies with 130; the PID 1 of the new namespace ignores SIGINT and keeps running', async () => {
    const h = systemHost();
    const run = h.sh('unshare --pid --fork sleep infinity');
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    const byComm = (c: string) => h.login.processes().find((p) => p.comm === c && p.state !== 'Z')!;
    const sleeper = byComm('sleep');
    h.login.kill(byComm('unshare').pid, 'SIGINT');
    h.login.kill(sleeper.pid, 'SIGINT');
    expect((await run).status).toBe(130);
    expect(h.login.processes().find((p) => p.pid === sleeper.pid)).toMatchObject({ comm: 'sleep', ppid: 1, nspid: [sleeper.pid, 1] });
  });
});

describe('unshare --kill-child', () => {
  it('kills the forked child when the parent dies', async () => {
    const h = systemHost();
    const run = h.sh('unshare --pid --kill-child sleep infinity');
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    const unshare = h.login.processes().find((p) => p.comm === 'unshare' && p.state !== 'Z')!;
    h.login.kill(unshare.pid, 'SIGINT');
    expect((await run).status).toBe(130);
    expect(h.login.processes().some((p) => p.comm === 'sleep' && p.state !== 'Z')).toBe(false);
  });
});

describe('no zombies left behind', () => {
  it.each(['unshare --pid --fork --mount-proc true', 'nsenter -t 1 -a true', 'ip netns add x && ip netns exec x true'])('%s', async (script) => {
    const h = systemHost();
    expect((await h.sh(script)).status).toBe(0);
    expect(h.login.processes().filter((p) => p.state === 'Z')).toEqual([]);
  });
});

describe('as BusyBox applets (Alpine: /bin/ps → /bin/busybox)', () => {
  it.each([
    ['ps', /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/sbin\/init\n {4}2 root {6}0:00 \[kthreadd\]\n/],
    ['uname -a', /^Linux host 6\.12\.48\+deb13-amd64 .* x86_64 Linux\n$/],
    ['free', /^ {14}total {8}used {8}free {6}shared {2}buff\/cache {3}available\nMem: {8}\d{7}/],
    ['df -h /', /^Filesystem {16}Size {6}Used Available Use% Mounted on\n\/dev\/sda1 {16}64\.0G {6}4\.0K {5}60\.8G {3}1% \/\n$/],
  ])('%s', async (script, want) => {
    const h = systemHost();
    const disk = h.kernel.options.rootfs;
    disk.write('/bin/busybox', (await import('../../../model/program.ts')).programFile('busybox'), { mode: 0o755 });
    disk.mkdir('/usr/local', 0o755);
    disk.mkdir('/usr/local/bin', 0o755);
    for (const a of ['ps', 'uname', 'free', 'df']) disk.symlink('/bin/busybox', `/usr/local/bin/${a}`);
    expect((await h.sh(script, undefined, true)).out).toMatch(want);
  });
});

describe('ps --forest (procps tree drawing)', () => {
  it('draws children under their parent with \\_ and keeps init\'s children at the top level', async () => {
    const h = systemHost();
    const a = h.login.spawn({ argv: ['containerd-shim'] });
    a.spawn({ argv: ['sleep', '1000'] });
    const r = await h.sh('ps -e --forest -o pid,args');
    expect(r.out).toBe(`    PID COMMAND\n      2 [kthreadd]\n      1 /sbin/init\n    401 -bash\n    402  \\_ containerd-shim\n    403      \\_ sleep 1000\n    404  \\_ ps -e --forest -o pid,args\n`);
  });
});

describe('BusyBox error messages in a default container (Alpine, facts §9.2–9.3)', () => {
  it.each([
    ['mount -t tmpfs none /mnt', 'mount: permission denied (are you root?)\n', 1],
    ['hostname x', 'hostname: sethostname: Operation not permitted\n', 1],
    ['unshare -U true', 'unshare: unshare(0x10000000): Operation not permitted\n', 1],
    ['dmesg', 'dmesg: klogctl: Operation not permitted\n', 1],
    ['kill 99999', "kill: can't kill pid 99999: No such process\n", 1],
    ['sysctl nope.x', "sysctl: error: 'nope.x' is an unknown key\n", 1],
  ])('%s', async (script, want, status) => {
    const h = systemHost();
    const disk = h.kernel.options.rootfs;
    disk.write('/bin/busybox', (await import('../../../model/program.ts')).programFile('busybox'), { mode: 0o755 });
    disk.mkdir('/usr/local', 0o755);
    disk.mkdir('/usr/local/bin', 0o755);
    for (const a of ['mount', 'hostname', 'unshare', 'dmesg', 'kill', 'sysctl']) disk.symlink('/bin/busybox', `/usr/local/bin/${a}`);
    const box = h.login.spawn({ argv: ['sh'] });
    box.setCapabilities(new Set(['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID', 'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE']));
    box.setSeccomp!('docker-default');
    const r = await h.sh(`/usr/local/bin/${script}`, box, true);
    expect(r.out).toBe(want);
    expect(r.status).toBe(status);
  });
});
