/**
 * Where Alpine's busybox package installs its applet symlinks (all pointing
 * at /bin/busybox), following `busybox --list-full` of Alpine 3.22's
 * busybox 1.37 (aports main/busybox). The list is close to, not exactly,
 * the real one; it covers every common command.
 */

/** Applets per directory. */
export const ALPINE_APPLETS: Readonly<Record<string, readonly string[]>> = {
  bin: ('arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo ' +
    'egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill ' +
    'link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv ' +
    'netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv ' +
    'setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat').split(' '),
  sbin: ('acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ' +
    'ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap ' +
    'logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff ' +
    'reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog').split(' '),
  'usr/bin': ('[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab ' +
    'cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free ' +
    'fuser groups hd head hexdump hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma ' +
    'lzopcat md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt passwd paste ' +
    'pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum ' +
    'sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr ' +
    'traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma unlzop unshare ' +
    'unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami whois xargs xxd xzcat yes').split(' '),
  'usr/sbin': ('add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser fbset killall5 ' +
    'loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell rfkill sendmail ' +
    'setfont setlogcons').split(' '),
};

/** The upstream busybox image's applets (hard links to /bin/busybox, all in /bin): the same command set, flattened. */
export const BUSYBOX_IMAGE_APPLETS: readonly string[] = [...new Set(Object.values(ALPINE_APPLETS).flat())].sort();
