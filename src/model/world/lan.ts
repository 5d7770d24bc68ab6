/**
 * The network between a World's machines, reduced to what the book needs:
 * name resolution and an SSH login. Real hosts would resolve `prod` through
 * DNS and reach its sshd over TCP; the model registers one UNIX socket on
 * every host, /run/world/lan.sock, whose server answers for all machines.
 * It is a stand-in, documented as such, not a network stack.
 */
import type { Sys } from '../kernel/types.ts';
import type { World } from './world.ts';

/** Where the ssh client connects on every host of a multi-host world. */
export const LAN_SOCKET = '/run/world/lan.sock';

/** What the LAN socket serves: look up a host by name and log in as root, as sshd would. */
export interface Lan {
  hosts(): string[];
  login(host: string): Sys | undefined;
}

/** Connect every machine of `world` to one LAN (call after adding the machines). */
export function connectLan(world: World): void {
  const lan: Lan = {
    hosts: () => world.machines.map((m) => m.name),
    login: (host) => world.machine(host)?.kernel.login(['-bash']),
  };
  for (const m of world.machines) {
    try { m.kernel.init.mkdir('/run/world', 0o755); } catch { /* exists */ }
    m.kernel.registerSocket(LAN_SOCKET, lan);
  }
}
