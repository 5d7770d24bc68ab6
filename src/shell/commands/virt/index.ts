/** Commands owned by this folder; merged into the registry by ../index.ts. */
import type { Command } from "../../types.ts";
import { qemuImg } from './qemu-img.ts';
import { virsh } from './virsh.ts';
import { vm } from './vm.ts';

export const commands: Command[] = [virsh, qemuImg, vm];
