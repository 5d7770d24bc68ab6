/** Commands owned by this folder; merged into the registry by ../index.ts. */
import type { Command } from "../../types.ts";
import { kvmOk } from './kvm-ok.ts';
import { lsmod } from './lsmod.ts';
import { qemuImg } from './qemu-img.ts';
import { systemdAnalyze } from './systemd-analyze.ts';
import { ver } from './ver.ts';
import { virsh } from './virsh.ts';
import { virtWhat } from './virt-what.ts';
import { vm } from './vm.ts';
import './completion.ts';

export const commands: Command[] = [virsh, qemuImg, vm, kvmOk, virtWhat, lsmod, systemdAnalyze, ver];
