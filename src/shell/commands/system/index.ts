/** Commands owned by this folder (processes, namespaces, cgroups, mounts, network); merged into the registry by ../index.ts. */
import type { Command } from "../../types.ts";
import { ps } from './ps.ts';
import { kill } from './kill.ts';
import { sleep } from './sleep.ts';
import { hostname, id, uname, whoami } from './identity.ts';
import { mount, umount } from './mount.ts';
import { df } from './df.ts';
import { free } from './free.ts';
import { unshare } from './unshare.ts';
import { nsenter } from './nsenter.ts';
import { chroot } from './chroot.ts';
import { lsns } from './lsns.ts';
import { dmesg } from './dmesg.ts';
import { sysctl } from './sysctl.ts';
import { ip } from './ip.ts';
import { top } from './top.ts';
import { capsh, nproc, pivotRoot, reboot, uptime } from './tools.ts';
import { stress } from './stress.ts';
import { ss } from './ss.ts';

/** Every program of this folder, as the registry lists them. */
export const commands: Command[] = [ps, kill, sleep, id, whoami, uname, hostname, mount, umount, df, free, unshare, nsenter, chroot, lsns, dmesg, sysctl, ip, top, nproc, uptime, reboot, pivotRoot, capsh, stress, ss];
