/**
 * What a guest's systemd (PID 1) answers on its private bus
 * (/run/systemd/private) in the model: the boot timestamps that
 * `systemd-analyze time` prints (systemd-analyze(1), facts §7.5).
 */
export interface SystemdBus {
  /** "Startup finished in 2.584s (kernel) + … = 1min 9.608s." */
  readonly startupFinished: string;
  readonly defaultTarget: string;
  /** Userspace µs until the default target was reached. */
  readonly targetReachedUs: number;
}

/** The socket systemctl and systemd-analyze talk to as root. */
export const SYSTEMD_BUS = '/run/systemd/private';
