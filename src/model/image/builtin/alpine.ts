/**
 * `alpine:3.22`: one layer, the Alpine minirootfs (docker-library/repo-info
 * repos/alpine/remote/3.22.md: alpine-minirootfs-3.22.6-x86_64.tar.gz,
 * 3,792,075 B compressed, facts §8.4). Paths, modes and the texts of
 * /etc/motd, /etc/os-release, /etc/passwd, /etc/group follow Alpine's
 * alpine-baselayout and busybox packages. Library sizes are illustrative
 * virtual filler chosen so the unpacked layer is ~7.8 MB, inside Alpine's
 * own "a container requires no more than 8 MB" (facts §8.4).
 */
import { virtualData } from '../../fs/data.ts';
import { programFile } from '../../program.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';
import { ALPINE_APPLETS } from './busybox-applets.ts';

/** Build time of the layer and the image (illustrative fixed date: 2025-10-08T11:05:00Z). */
export const ALPINE_CREATED_S = Date.UTC(2025, 9, 8, 11, 5, 0) / 1000;
/** Alpine release inside the image (/etc/alpine-release). */
export const ALPINE_VERSION = '3.22.6';

/** /etc/motd exactly as alpine-baselayout ships it. */
export const ALPINE_MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;

const OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${ALPINE_VERSION}
PRETTY_NAME="Alpine Linux v3.22"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

/** /etc/passwd of alpine-baselayout. */
export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

/** /etc/group of alpine-baselayout. */
export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
console:x:17:
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

const SHADOW = ALPINE_PASSWD.split('\n').filter(Boolean)
  .map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '!'}::0:::::`).join('\n') + '\n';

const PROFILE = `append_path() {
	case ":$PATH:" in
		*:"$1":*) ;;
		*) PATH="\${PATH:+$PATH:}$1" ;;
	esac
}
append_path "/usr/local/sbin"
append_path "/usr/local/bin"
append_path "/usr/sbin"
append_path "/usr/bin"
append_path "/sbin"
append_path "/bin"
unset -f append_path
export PATH
export PAGER=less
export PS1='\\h:\\w\\$ '
umask 022

for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
`;

/** The minirootfs layer's entries (cached: built once per process). */
export function alpineRootfs(): TarEntry[] {
  const b = new LayerBuilder(ALPINE_CREATED_S);
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'media/cdrom', 'media/floppy', 'media/usb', 'mnt', 'opt', 'proc', 'run', 'sbin', 'srv', 'sys',
    'usr/bin', 'usr/lib', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/sbin', 'usr/share/man', 'usr/share/misc',
    'var/cache/apk', 'var/cache/misc', 'var/lib/apk', 'var/lib/misc', 'var/lib/udhcpd', 'var/local', 'var/log', 'var/mail', 'var/opt', 'var/spool/cron',
    'etc/apk/keys', 'etc/apk/protected_paths.d', 'etc/crontabs', 'etc/modprobe.d', 'etc/modules-load.d', 'etc/network/if-up.d', 'etc/opt',
    'etc/periodic/15min', 'etc/periodic/daily', 'etc/periodic/hourly', 'etc/periodic/monthly', 'etc/periodic/weekly', 'etc/profile.d',
    'etc/ssl/certs', 'etc/ssl/private', 'etc/sysctl.d', 'lib/apk/db', 'lib/firmware', 'lib/modules-load.d', 'lib/sysctl.d']) b.dir(d);
  b.dir('root', 0o700).dir('tmp', 0o1777).dir('var/tmp', 0o1777).dir('var/empty', 0o555);
  b.file('bin/busybox', programFile('busybox', 808_712), 0o755);
  b.file('bin/bbsuid', programFile('bbsuid', 14_232), 0o4111);
  for (const [dir, names] of Object.entries(ALPINE_APPLETS)) for (const n of names) b.symlink(`${dir}/${n}`, '/bin/busybox');
  b.file('lib/ld-musl-x86_64.so.1', virtualData(661_928, 'alpine-3.22/ld-musl'), 0o755);
  b.symlink('lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  b.file('lib/libapk.so.2.14.0', virtualData(231_416, 'alpine-3.22/libapk'), 0o755);
  b.file('usr/lib/libcrypto.so.3', virtualData(4_955_312, 'alpine-3.22/libcrypto'), 0o755);
  b.file('usr/lib/libssl.so.3', virtualData(718_088, 'alpine-3.22/libssl'), 0o755);
  b.file('usr/lib/libz.so.1.3.1', virtualData(100_184, 'alpine-3.22/libz'), 0o755);
  b.symlink('usr/lib/libz.so.1', 'libz.so.1.3.1');
  b.file('sbin/apk', programFile('apk', 67_096), 0o755);
  b.file('sbin/ldconfig', '#!/bin/sh\nscan_dirs() {\n\tscanelf -qS "$@" | while read SONAME FILE; do\n\t\tTARGET="${FILE##*/}"\n\t\tLINK="${FILE%/*}/$SONAME"\n\t\tcase "$1" in\n\t\t/lib/*|/usr/lib/*|/usr/local/lib/*) ;;\n\t\t*) [ -h "$LINK" -o ! -e "$LINK" ] && ln -sf "$TARGET" "$LINK"\n\t\tesac\n\tdone\n\treturn 0\n}\n# eat ldconfig options\nwhile getopts "nNvXvf:C:r:" opt; do\n\t:\ndone\nshift $(( OPTIND - 1 ))\n[ $# -gt 0 ] && scan_dirs "$@"\n', 0o755);
  for (const p of ['getconf', 'getent', 'iconv', 'scanelf', 'ssl_client']) b.file(`usr/bin/${p}`, programFile(p, 20_000), 0o755);
  b.file('etc/alpine-release', `${ALPINE_VERSION}\n`);
  b.file('usr/lib/os-release', OS_RELEASE);
  b.symlink('etc/os-release', '../usr/lib/os-release');
  b.file('etc/motd', ALPINE_MOTD);
  b.file('etc/issue', 'Welcome to Alpine Linux 3.22\nKernel \\r on \\m (\\l)\n\n');
  b.file('etc/hostname', 'localhost\n');
  b.file('etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n');
  b.file('etc/passwd', ALPINE_PASSWD).file('etc/group', ALPINE_GROUP).file('etc/shadow', SHADOW, 0o640, { uid: 0, gid: 42 });
  b.file('etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  b.file('etc/profile', PROFILE);
  b.file('etc/profile.d/20locale.sh', '# environment variables for musl locale\nexport CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n');
  b.file('etc/profile.d/README', 'Local profile scripts go in this directory; files ending in .sh are sourced by /etc/profile.\n');
  b.file('etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n');
  b.file('etc/inittab', '# /etc/inittab\n\n::sysinit:/sbin/openrc sysinit\n::sysinit:/sbin/openrc boot\n::wait:/sbin/openrc default\n\ntty1::respawn:/sbin/getty 38400 tty1\n\n::ctrlaltdel:/sbin/reboot\n::shutdown:/sbin/openrc shutdown\n');
  b.file('etc/nsswitch.conf', '# musl itself does not support NSS, however some third-party DNS\n# implementations use the nsswitch.conf file to determine what\n# policy to follow.\n\nhosts:     files dns\n');
  b.file('etc/protocols', 'ip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\n');
  b.file('etc/services', 'ssh\t\t22/tcp\nhttp\t\t80/tcp\t\twww\nhttps\t\t443/tcp\npostgresql\t5432/tcp\n');
  b.file('etc/securetty', 'console\ntty1\ntty2\n');
  b.file('etc/sysctl.conf', '# content of this file will override /etc/sysctl.d/*\n');
  b.file('etc/modules', 'af_packet\nipv6\n');
  b.file('etc/crontabs/root', '# do daily/weekly/monthly maintenance\n# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n', 0o600);
  b.file('etc/apk/arch', 'x86_64\n');
  b.file('etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.22/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.22/community\n');
  b.file('etc/apk/world', 'alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nlibc-utils\n');
  b.file('etc/ssl/certs/ca-certificates.crt', virtualData(219_342, 'alpine-3.22/ca-certificates'));
  b.symlink('etc/ssl/cert.pem', 'certs/ca-certificates.crt');
  b.symlink('etc/mtab', '../proc/self/mounts');
  b.file('lib/apk/db/installed', 'C:Q1alpine-baselayout\nP:alpine-baselayout\nV:3.7.0-r0\n\nP:busybox\nV:1.37.0-r19\n\nP:musl\nV:1.2.5-r10\n\nP:apk-tools\nV:2.14.9-r2\n\n');
  b.file('lib/apk/db/lock', '', 0o600);
  b.file('lib/apk/db/triggers', '');
  b.file('lib/sysctl.d/00-alpine.conf', 'net.ipv4.tcp_syncookies = 1\nkernel.panic = 120\n');
  b.file('usr/share/udhcpc/default.script', '#!/bin/sh\n# udhcpc script\n', 0o755);
  b.symlink('var/lock', '../run/lock');
  b.symlink('var/run', '../run');
  b.symlink('var/spool/mail', '../mail');
  b.symlink('var/spool/cron/crontabs', '../../../etc/crontabs');
  return b.build();
}
