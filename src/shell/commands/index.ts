/**
 * The registry of every program the shell can exec. Each folder owns its own
 * list: coreutils (files and text), system (processes, namespaces, cgroups,
 * mounts, network), docker (the engine's CLI), virt (hypervisor CLIs), net
 * (ssh to the World's other machines).
 */
import type { Command } from '../types.ts';
import { commands as coreutils } from './coreutils/index.ts';
import { commands as system } from './system/index.ts';
import { commands as docker } from './docker/index.ts';
import { commands as virt } from './virt/index.ts';
import { commands as net } from './net/index.ts';

export const COMMANDS: readonly Command[] = [...coreutils, ...system, ...docker, ...virt, ...net];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

/** The program registered under `name` (the model: name in an executable's header). */
export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}
