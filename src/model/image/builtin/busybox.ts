/**
 * `busybox:1.37` (the official image's default glibc variant): one layer
 * with /bin/busybox and every applet as a *hard link* to it in /bin (the
 * upstream image installs them with `busybox --install`), a few /etc
 * files and the glibc shared objects. Sizes are illustrative (the image is
 * not in facts §8.4): ~4.3 MB unpacked, ~2.2 MB compressed.
 */
import { virtualData } from '../../fs/data.ts';
import { programFile } from '../../program.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';
import { BUSYBOX_IMAGE_APPLETS } from './busybox-applets.ts';

/** Build time of the layer (illustrative fixed date: 2024-09-26T21:31:42Z). */
export const BUSYBOX_CREATED_S = Date.UTC(2024, 8, 26, 21, 31, 42) / 1000;
/** Compressed size of the layer (illustrative). */
export const BUSYBOX_TRANSFER = 2_158_000;

/** The busybox:1.37 root filesystem layer. */
export function busyboxRootfs(): TarEntry[] {
  const b = new LayerBuilder(BUSYBOX_CREATED_S);
  for (const d of ['bin', 'dev', 'etc/network', 'home', 'lib', 'usr/sbin', 'var/spool/mail', 'var/www']) b.dir(d);
  b.dir('root', 0o700).dir('tmp', 0o1777);
  b.symlink('lib64', 'lib');
  b.file('bin/busybox', programFile('busybox', 1_131_488), 0o755);
  for (const a of BUSYBOX_IMAGE_APPLETS) if (a !== 'busybox') b.hardlink(`bin/${a}`, 'bin/busybox');
  b.file('etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n');
  b.file('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
  b.file('etc/shadow', 'root:*:10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nbin:*:10933:0:99999:7:::\nsys:*:10933:0:99999:7:::\nsync:*:10933:0:99999:7:::\nmail:*:10933:0:99999:7:::\nwww-data:*:10933:0:99999:7:::\noperator:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', 0o600);
  b.file('etc/localtime', virtualData(114, 'busybox/localtime'));
  b.file('etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\n');
  for (const [name, size] of [['ld-linux-x86-64.so.2', 236_616], ['libc.so.6', 2_125_328], ['libm.so.6', 952_616], ['libresolv.so.2', 68_104], ['libnss_files.so.2', 14_480], ['libnss_dns.so.2', 14_480]] as const) {
    b.file(`lib/${name}`, virtualData(size, `busybox-1.37/${name}`), 0o755);
  }
  return b.build();
}
