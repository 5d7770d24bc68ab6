/**
 * `ubuntu:24.04`: one layer (docker-library/repo-info repos/ubuntu/remote/
 * 24.04.md: 29,764,116 B compressed, facts §8.4). Merged /usr as in the
 * real image (/bin → usr/bin, /lib → usr/lib, /sbin → usr/sbin), bash and
 * coreutils as model programs, /etc/os-release and /etc/passwd as Ubuntu
 * ships them. Library and data sizes are illustrative virtual filler chosen
 * so the unpacked layer is ~78 MB (≈2.6× the compressed size; facts §8.4
 * calls the 2–3× ratio a rule of thumb, UNVERIFIED).
 */
import { virtualData } from '../../fs/data.ts';
import { programFile } from '../../program.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';

/** Build time of the layer (illustrative fixed date: 2025-10-01T08:00:00Z). */
export const UBUNTU_CREATED_S = Date.UTC(2025, 9, 1, 8, 0, 0) / 1000;

const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash
`;

const GROUPS = 'root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534 ubuntu:1000';

/** GNU coreutils (and friends) installed as separate programs in /usr/bin. */
export const UBUNTU_PROGRAMS = ('[ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df dir ' +
  'dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir ' +
  'mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon ' +
  'seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test timeout ' +
  'touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes ' +
  'bash dash grep sed find xargs tar gzip gunzip zcat hostname ps kill free top uptime mount umount apt apt-get dpkg perl mawk diff ' +
  'login su passwd getent ldd clear which').split(' ');

/** The ubuntu:24.04 root filesystem layer. */
export function ubuntuRootfs(): TarEntry[] {
  const b = new LayerBuilder(UBUNTU_CREATED_S);
  b.symlink('bin', 'usr/bin').symlink('lib', 'usr/lib').symlink('lib64', 'usr/lib64').symlink('sbin', 'usr/sbin');
  for (const d of ['boot', 'dev', 'etc', 'home/ubuntu', 'media', 'mnt', 'opt', 'proc', 'run/lock', 'srv', 'sys', 'usr/bin', 'usr/games', 'usr/include',
    'usr/lib/x86_64-linux-gnu', 'usr/lib64', 'usr/libexec', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/sbin', 'usr/share/doc', 'usr/src',
    'var/backups', 'var/cache/apt', 'var/lib/apt/lists', 'var/lib/dpkg/info', 'var/local', 'var/log', 'var/opt', 'var/spool', 'etc/apt/sources.list.d',
    'etc/profile.d', 'etc/skel']) b.dir(d);
  b.dir('root', 0o700).dir('tmp', 0o1777).dir('var/tmp', 0o1777).dir('var/mail', 0o2775, { uid: 0, gid: 8 });
  b.symlink('var/run', '/run').symlink('var/lock', '/run/lock');
  b.dir('home/ubuntu', 0o750, { uid: 1000, gid: 1000 });
  for (const p of UBUNTU_PROGRAMS) b.file(`usr/bin/${p}`, programFile(p), 0o755);
  b.symlink('usr/bin/sh', 'dash').symlink('usr/bin/awk', '/etc/alternatives/awk').symlink('etc/alternatives/awk', '/usr/bin/mawk');
  b.symlink('usr/bin/rbash', 'bash').symlink('usr/bin/pidof', '/usr/sbin/killall5');
  b.file('usr/bin/su', programFile('su'), 0o4755).file('usr/bin/passwd', programFile('passwd'), 0o4755);
  for (const p of ['nologin', 'useradd', 'userdel', 'groupadd', 'chroot', 'killall5', 'ldconfig']) b.file(`usr/sbin/${p}`, programFile(p), 0o755);
  b.file('usr/lib64/ld-linux-x86-64.so.2', virtualData(236_616, 'ubuntu-24.04/ld-linux'), 0o755);
  const gnu = 'usr/lib/x86_64-linux-gnu';
  for (const [name, size] of [['libc.so.6', 2_125_328], ['libm.so.6', 952_616], ['libstdc++.so.6.0.33', 2_592_224], ['libsystemd.so.0.38.0', 932_024],
    ['libapt-pkg.so.6.0.0', 2_264_992], ['libcrypto.so.3', 5_147_120], ['libssl.so.3', 681_664], ['libdb-5.3.so', 1_895_768], ['libgnutls.so.30.37.1', 2_158_584],
    ['libp11-kit.so.0.3.1', 1_344_296], ['libunistring.so.5.0.0', 1_739_152], ['libzstd.so.1.5.5', 842_960], ['libsqlite3.so.0.8.6', 1_621_760]] as const) {
    b.file(`${gnu}/${name}`, virtualData(size, `ubuntu-24.04/${name}`), 0o644);
  }
  b.file(`${gnu}/perl-base/filler.pm`, virtualData(7_854_000, 'ubuntu-24.04/perl-base'));
  b.file(`${gnu}/gconv/gconv-modules.cache`, virtualData(27_010_000, 'ubuntu-24.04/gconv'));
  b.file('usr/share/doc/copyright-bundle', virtualData(3_400_000, 'ubuntu-24.04/doc'));
  b.file('usr/share/perl5/filler.pm', virtualData(4_100_000, 'ubuntu-24.04/perl5'));
  b.file('var/lib/dpkg/status', virtualData(3_200_000, 'ubuntu-24.04/dpkg-status'));
  b.file('var/lib/dpkg/info/filler.list', virtualData(5_800_000, 'ubuntu-24.04/dpkg-info'));
  b.file('usr/lib/os-release', OS_RELEASE);
  b.symlink('etc/os-release', '../usr/lib/os-release');
  b.file('etc/lsb-release', 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.3 LTS"\n');
  b.file('etc/debian_version', 'trixie/sid\n');
  b.file('etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  b.file('etc/passwd', PASSWD);
  b.file('etc/group', GROUPS.split(' ').map((g) => { const [n, id] = g.split(':'); return `${n}:x:${id}:`; }).join('\n') + '\n');
  b.file('etc/shadow', PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '!'}:20000:0:99999:7:::`).join('\n') + '\n', 0o640, { uid: 0, gid: 42 });
  b.file('etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/dash\n');
  b.file('etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n[ -z "$PS1" ] && return\nshopt -s checkwinsize\n');
  b.file('etc/profile', 'if [ "${PS1-}" ]; then\n  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then\n    if [ -f /etc/bash.bashrc ]; then\n      . /etc/bash.bashrc\n    fi\n  fi\nfi\n');
  b.file('etc/apt/sources.list.d/ubuntu.sources', 'Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n');
  b.file('etc/skel/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  b.file('root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  b.file('root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n');
  return b.build();
}
