/**
 * systemd-analyze(1) `time`: how long the last boot took, per phase, as PID 1
 * reports it over its private bus (/run/systemd/private). A VM guest booted
 * by the model answers with its boot plan; a container has no systemd to ask
 * and gets systemd's own refusal.
 */
import { isSysError } from '../../../model/errors.ts';
import { SYSTEMD_BUS } from '../../../model/hypervisor/systemd-bus.ts';
import type { SystemdBus } from '../../../model/hypervisor/systemd-bus.ts';
import { formatTimespan } from '../../../model/hypervisor/units.ts';
import type { Command } from '../../types.ts';

/** systemd-analyze(1) time. */
export const systemdAnalyze: Command = {
  name: 'systemd-analyze',
  summary: 'analyze and debug the system manager (boot time)',
  help: 'systemd-analyze [OPTIONS...] COMMAND ...\n\nProfile systemd, show unit dependencies, check unit files.\n\n  [time]                  Print time required to boot the machine\n',
  async run(ctx) {
    const sub = ctx.argv[1] ?? 'time';
    if (sub !== 'time') {
      ctx.stderr.write(`Unknown command verb '${sub}'.\n`);
      return 1;
    }
    let bus: unknown;
    try {
      bus = ctx.sys.connect(SYSTEMD_BUS);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const b = bus as Partial<SystemdBus> | undefined;
    if (!b || typeof b.startupFinished !== 'string') {
      ctx.stderr.write("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n");
      return 1;
    }
    ctx.stdout.write(`${b.startupFinished.replace(/\.$/, '')}\n${b.defaultTarget} reached after ${formatTimespan(b.targetReachedUs ?? 0)} in userspace.\n`);
    return 0;
  },
};
