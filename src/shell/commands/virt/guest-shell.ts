/**
 * Getting a shell in a guest: the serial console (`virsh console`, `vm
 * console`: the boot log, then a login) and ssh (`vm ssh NAME -- CMD`: one
 * command through the guest's shell, like ssh(1) joining its arguments).
 * The guest is another Machine: its processes, hostname and `uname -r` are
 * its own kernel's, reached only through the login process's Sys.
 */
import type { Hypervisor } from '../../../model/hypervisor/hypervisor.ts';
import type { Guest } from '../../../model/hypervisor/domain.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import type { CommandContext } from '../../types.ts';
import { messageOf, sleepUntil } from './common.ts';

type Interact = (sys: Sys, argv: readonly string[]) => Promise<number>;

/** ctx.interact (an interactive shell in a terminal, stdin otherwise), or a stdin script where the host has none. */
function interactive(ctx: CommandContext): Interact {
  const i = (ctx as { interact?: Interact }).interact;
  if (i) return (sys, argv) => i.call(ctx, sys, argv);
  return async (sys) => ctx.runShell(await ctx.stdin.readAll(), sys, { stdout: ctx.stdout, stderr: ctx.stderr });
}

/** Print console lines as the clock reaches them, until the guest is at its login prompt (or the domain stops). */
export async function followBoot(ctx: CommandContext, hv: Hypervisor, name: string, from = 0, print = true): Promise<number> {
  let shown = from;
  for (;;) {
    const d = hv.domain(name);
    if (!d.plan || d.startedUs === undefined) return shown;
    const lines = d.plan.lines;
    while (shown < lines.length && d.startedUs + lines[shown].atUs <= hv.now()) {
      if (print) ctx.stdout.write(lines[shown].text + (shown === lines.length - 1 && lines[shown].text.endsWith(': ') ? '' : '\n'));
      shown++;
    }
    if (shown >= lines.length) return shown;
    await sleepUntil(ctx.sys, hv, d.startedUs + lines[shown].atUs);
    await ctx.checkpoint();
  }
}

/** The shell a guest's root logs into. */
function loginShell(hv: Hypervisor, name: string): string {
  const os = hv.domain(name).config.os;
  return os.id.startsWith('ubuntu') ? '/bin/bash' : '/bin/sh';
}

/** Log in as root, run `body` with the login process, log out (the process exits and init reaps it). */
async function withLogin(guest: Guest, body: (sys: Sys) => Promise<number>): Promise<number> {
  const sys = guest.login();
  let status = 0;
  try {
    status = await body(sys);
  } finally {
    try {
      sys.exit(status);
      guest.init.wait(sys.pid);
    } catch {
      // the guest may have been powered off meanwhile, or init already reaped it
    }
  }
  return status;
}

/** virsh console / vm console: the console so far, the rest of the boot, then an interactive root shell. */
export async function attachConsole(ctx: CommandContext, hv: Hypervisor, name: string, prog: string): Promise<number> {
  let d;
  try { d = hv.domain(name); } catch (e) { ctx.stderr.write(`${prog === 'virsh' ? 'error' : 'vm'}: ${messageOf(e)}\n`); return 1; }
  if (d.state === 'shut off') {
    ctx.stderr.write(prog === 'virsh' ? 'error: The domain is not running\n' : `vm: ${name} is not running (vm start ${name})\n`);
    return 1;
  }
  ctx.stdout.write(`Connected to domain '${name}'\nEscape character is ^] (Ctrl + ])\n`);
  // a serial console shows what is printed from now on; once booted, getty reprints its prompt
  const elapsed = hv.now() - (d.startedUs ?? 0);
  const already = d.plan?.lines.filter((l) => l.atUs < elapsed).length ?? 0;
  const total = d.plan?.lines.length ?? 0;
  if (already >= total && d.plan) ctx.stdout.write(`\n${d.plan.lines[total - 1].text}`);
  await followBoot(ctx, hv, name, already);
  const guest = hv.domain(name).guest;
  if (!guest) return 0;
  ctx.stdout.write('root (automatic login)\n\n');
  const shell = loginShell(hv, name);
  return withLogin(guest, (sys) => interactive(ctx)(sys, [shell]));
}

/** vm ssh NAME -- CMD…: one command in the guest, or an interactive shell without CMD. Exit 255 when ssh cannot connect. */
export async function sshRun(ctx: CommandContext, hv: Hypervisor, name: string, command: readonly string[]): Promise<number> {
  let d;
  try { d = hv.domain(name); } catch (e) { ctx.stderr.write(`vm: ${messageOf(e)}\n`); return 1; }
  if (d.state !== 'running' || !d.booted || !d.guest) {
    const why = d.state === 'running' ? 'Connection refused' : 'No route to host';
    ctx.stderr.write(`ssh: connect to host ${d.ip} port 22: ${why}\n`);
    return 255;
  }
  const guest = d.guest;
  if (command.length === 0) {
    return withLogin(guest, (sys) => interactive(ctx)(sys, [loginShell(hv, name)]));
  }
  return withLogin(guest, (sys) => ctx.runShell(command.join(' '), sys, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }));
}
