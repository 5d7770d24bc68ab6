/**
 * The applets of Alpine's BusyBox (`busybox --list` on alpine 3.x, trimmed
 * to the ones a reader is likely to type). /bin/ls and friends are symlinks
 * to /bin/busybox, which runs the applet named by basename(argv[0]).
 */
export const BUSYBOX_APPLETS: ReadonlySet<string> = new Set(
  ('[ [[ ash awk base64 basename cat chgrp chmod chown chroot clear cp cut date dd df diff dirname dmesg du echo egrep env expr ' +
    'false fgrep find free getopt grep gunzip gzip head hexdump hostname id ifconfig ip kill killall less ln ls lsof mkdir mknod ' +
    'mktemp more mount mv nc netstat nice nohup nproc nsenter od pgrep pidof ping pkill printenv printf ps pwd readlink realpath ' +
    'rev rm rmdir sed seq sh sha256sum sleep sort stat strings su sync sysctl tac tail tar tee test time timeout top touch tr ' +
    'true truncate umount uname uniq unshare uptime usleep vi watch wc wget which whoami xargs yes zcat').split(' '),
);
