/**
 * kvm-ok (Ubuntu's cpu-checker): can this machine run KVM guests? Needs the
 * CPU's virtualization extensions (cpuinfo flag vmx for Intel VT-x, svm for
 * AMD-V) and the kvm module's /dev/kvm (facts §7.2). Inside a VM without
 * nested virtualization both are missing.
 */
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';
import type { Command } from '../../types.ts';

/** kvm-ok (cpu-checker). */
export const kvmOk: Command = {
  name: 'kvm-ok',
  summary: 'check whether this machine can run KVM virtual machines',
  help: 'Usage: kvm-ok\n\nCheck for CPU virtualization extensions (vmx/svm) and /dev/kvm.\n',
  async run(ctx) {
    let flags = '';
    try {
      flags = /^flags\s*:(.*)$/m.exec(toText(ctx.sys.readFile('/proc/cpuinfo')))?.[1] ?? '';
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const ext = / vmx( |$)/.test(flags) ? 'vmx' : / svm( |$)/.test(flags) ? 'svm' : undefined;
    if (!ext) {
      ctx.stdout.write('INFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used\n');
      return 1;
    }
    try {
      ctx.sys.stat('/dev/kvm');
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stdout.write(`INFO: /dev/kvm does not exist\nHINT:   sudo modprobe kvm_${ext === 'vmx' ? 'intel' : 'amd'}\nKVM acceleration can NOT be used\n`);
      return 1;
    }
    ctx.stdout.write('INFO: /dev/kvm exists\nKVM acceleration can be used\n');
    return 0;
  },
};
