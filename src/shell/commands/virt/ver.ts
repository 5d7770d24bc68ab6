/**
 * `ver`, the Windows command that prints the OS version. The model's Windows
 * guest is a model: a Machine whose kernel reports sysname Windows_NT,
 * release 10.0, build 20348 (Windows Server 2022), not Windows itself.
 */
import { WINDOWS_VER } from '../../../model/hypervisor/guest-os.ts';
import type { Command } from '../../types.ts';

/** Windows `ver` (model). */
export const ver: Command = {
  name: 'ver',
  summary: 'display the Windows version (Windows guests)',
  help: 'Displays the Windows version.\n\nVER\n',
  async run(ctx) {
    const u = ctx.sys.uname();
    if (u.sysname !== 'Windows_NT') {
      ctx.stderr.write('ver: not a Windows system\n');
      return 1;
    }
    ctx.stdout.write(`\n${WINDOWS_VER}\n`);
    return 0;
  },
};
