/**
 * runc as the model runs it: create a container's PID 1 using only system
 * calls, in the order libcontainer does (facts §4.1–4.5): cgroup first
 * (cgroup v2 files from linux.resources, facts §4.2), clone with new
 * namespaces, mount the rootfs (overlay from the snapshot's host paths),
 * /proc, /dev, /sys, /sys/fs/cgroup, the hostname/hosts/resolv.conf files,
 * pivot_root(".", ".") + umount2(".", MNT_DETACH), sethostname, drop
 * capabilities, chdir to the working directory, and look the program up in
 * PATH (exec.LookPath in `runc init`). The user program itself is run by the
 * engine's ProgramRunner after this returns (OCI `start`).
 */
import type { NamespaceType, Sys } from '../kernel/types.ts';
import { isSysError } from '../errors.ts';
import { fromText } from '../fs/data.ts';
import type { RwLayer } from './ports.ts';
import { ApiError } from './types.ts';
import { mkdirpSys as mkdirP } from '../kernel/mkdirp.ts';

/** What runc needs to create one container (a slice of the OCI config.json). */
export interface TaskSpec {
  readonly id: string;
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
  readonly cwd: string;
  readonly hostname: string;
  readonly rootfs: RwLayer;
  /** Absolute cgroup v2 path, e.g. /system.slice/docker-<id>.scope. */
  readonly cgroup: string;
  readonly memory: number;
  readonly nanoCpus: number;
  readonly pidsLimit: number;
  readonly caps: ReadonlySet<string>;
  readonly privileged: boolean;
  /** Host files bind-mounted over /etc/hostname, /etc/hosts, /etc/resolv.conf. */
  readonly etcFiles: readonly { readonly source: string; readonly target: string }[];
  /** Volumes and bind mounts: host path → container path. */
  readonly binds: readonly { readonly source: string; readonly target: string; readonly readonly: boolean }[];
  /** network_mode host shares the host's network namespace. */
  readonly hostNetwork: boolean;
  /** Detached containers are background jobs: their sleeps wait for the clock instead of moving it. */
  readonly background: boolean;
}

/** Namespaces of moby's default spec on cgroup v2 (facts §4.5: mount, network, time, uts, pid, ipc, cgroup). */
export const CONTAINER_NAMESPACES: readonly NamespaceType[] = ['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup', 'time'];

/** The OCI runtime's error text around a failure of `runc init` (what Docker 28 prints). */
export function ociCreateError(detail: string): ApiError {
  return new ApiError(500, `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`);
}

/** Write the cgroup v2 limit files (runc's fs2 package, facts §4.2). */
export function writeCgroup(sys: Sys, spec: TaskSpec): void {
  const dir = `/sys/fs/cgroup${spec.cgroup}`;
  try {
    sys.mkdir(dir);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
  const put = (file: string, value: string) => {
    try {
      sys.writeFile(`${dir}/${file}`, fromText(value + '\n'));
    } catch (e) {
      if (!isSysError(e, 'ENOENT')) throw e;
    }
  };
  // runc writes only the resources the spec sets; unset ones keep the kernel's defaults ("max").
  if (spec.memory > 0) {
    put('memory.max', String(spec.memory));
    put('memory.swap.max', String(spec.memory));
  }
  if (spec.nanoCpus > 0) put('cpu.max', `${Math.round((spec.nanoCpus * 100000) / 1e9)} 100000`);
  if (spec.pidsLimit > 0) put('pids.max', String(spec.pidsLimit));
}

function tryMount(sys: Sys, source: string, target: string, fstype: string, options: readonly string[]): void {
  try {
    sys.mount(source, target, fstype, options);
  } catch (e) {
    // Optional mounts (devpts, mqueue, file binds) may be missing from a model kernel; the rootfs and /proc are not optional.
    if (!isSysError(e)) throw e;
  }
}

/** exec.LookPath: the first PATH entry holding an executable `name`; undefined when absent. */
export function lookPath(sys: Sys, name: string, env: ReadonlyMap<string, string>): string | undefined {
  const isExec = (p: string) => {
    try {
      const st = sys.stat(p);
      return st.type === 'file' && (st.mode & 0o111) !== 0;
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return isExec(name) ? name : undefined;
  for (const dir of (env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    const p = `${dir || '.'}/${name}`;
    if (isExec(p)) return p;
  }
  return undefined;
}

/**
 * `runc create`: returns the container's PID 1 (still running `runc init`),
 * or throws ApiError with the OCI runtime's message. On failure the partial
 * process is killed so nothing is left behind.
 */
export function createContainerProcess(shim: Sys, spec: TaskSpec, configureNetwork: (init: Sys, hostPid: number) => void): { init: Sys; hostPid: number } {
  writeCgroup(shim, spec);
  const ns = spec.hostNetwork ? CONTAINER_NAMESPACES.filter((n) => n !== 'net') : CONTAINER_NAMESPACES;
  const init = shim.spawn({ argv: ['runc', 'init'], env: spec.env, cwd: '/', newNamespaces: ns, cgroup: spec.cgroup, background: spec.background });
  // The child's PID in the host's PID namespace: before the container mounts its own /proc it still
  // sees the host's procfs, whose /proc/self names the caller as that namespace numbers it (proc(5)).
  const hostPid = Number(init.readlink('/proc/self'));
  try {
    configureNetwork(init, hostPid);
    setupRootfs(init, spec);
    return { init, hostPid };
  } catch (e) {
    try {
      init.exit(255);
      shim.wait(hostPid);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

function setupRootfs(init: Sys, spec: TaskSpec): void {
  const root = spec.rootfs.mergedDir;
  // In the order of Docker's spec (oci/defaults.go mounts, then the container's own files, then volumes),
  // all under the new root before pivot_root, as libcontainer/rootfs_linux.go does.
  init.mount('overlay', root, 'overlay', spec.rootfs.options);
  init.mount('proc', `${root}/proc`, 'proc', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime']);
  tryMount(init, 'tmpfs', `${root}/dev`, 'tmpfs', ['rw', 'nosuid', 'size=65536k', 'mode=755']);
  for (const [name, major, minor] of [['null', 1, 3], ['zero', 1, 5], ['full', 1, 7], ['random', 1, 8], ['urandom', 1, 9], ['tty', 5, 0]] as const) {
    try {
      init.mknod(`${root}/dev/${name}`, 'chardev', [major, minor], 0o666);
    } catch {
      /* /dev not writable in a model without tmpfs */
    }
  }
  // runc's default /dev symlinks (libcontainer/rootfs_linux.go setupDevSymlinks)
  for (const [target, name] of [['/proc/self/fd', 'fd'], ['/proc/self/fd/0', 'stdin'], ['/proc/self/fd/1', 'stdout'], ['/proc/self/fd/2', 'stderr'], ['/proc/kcore', 'core'], ['pts/ptmx', 'ptmx']] as const) {
    try {
      init.symlink(target, `${root}/dev/${name}`);
    } catch {
      /* /dev not writable */
    }
  }
  if (spec.privileged) copyHostDevices(init, root);
  for (const d of ['/dev/pts', '/dev/mqueue', '/dev/shm']) {
    try {
      init.mkdir(`${root}${d}`, d === '/dev/shm' ? 0o1777 : 0o755);
    } catch {
      /* exists */
    }
  }
  tryMount(init, 'devpts', `${root}/dev/pts`, 'devpts', ['rw', 'nosuid', 'noexec', 'relatime', 'gid=5', 'mode=620', 'ptmxmode=666']);
  tryMount(init, 'sysfs', `${root}/sys`, 'sysfs', ['ro', 'nosuid', 'nodev', 'noexec', 'relatime']);
  tryMount(init, 'cgroup', `${root}/sys/fs/cgroup`, 'cgroup2', [spec.privileged ? 'rw' : 'ro', 'nosuid', 'nodev', 'noexec', 'relatime']);
  tryMount(init, 'mqueue', `${root}/dev/mqueue`, 'mqueue', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime']);
  tryMount(init, 'shm', `${root}/dev/shm`, 'tmpfs', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime', 'size=65536k']);
  for (const f of spec.etcFiles) tryMount(init, f.source, `${root}${f.target}`, 'bind', ['bind', 'rw']);
  for (const b of spec.binds) {
    try {
      init.mkdir(`${root}${b.target}`);
    } catch {
      /* exists */
    }
    init.mount(b.source, `${root}${b.target}`, 'bind', b.readonly ? ['bind', 'ro'] : ['bind']);
  }
  init.chdir(root);
  init.pivotRoot('.', '.');
  try {
    init.umount('.');
  } catch {
    /* a model kernel may detach the old root itself */
  }
  init.chdir('/');
  init.sethostname(spec.hostname);
  try {
    init.chdir(spec.cwd);
  } catch (e) {
    if (!isSysError(e, 'ENOENT')) throw e;
    mkdirP(init, spec.cwd);
    init.chdir(spec.cwd);
  }
  const prog = lookPath(init, spec.argv[0], spec.env);
  if (!prog) {
    throw ociCreateError(spec.argv[0].includes('/') ? `exec: "${spec.argv[0]}": stat ${spec.argv[0]}: no such file or directory` : `exec: "${spec.argv[0]}": executable file not found in $PATH`);
  }
  init.setCapabilities(spec.caps);
  init.setSeccomp?.(spec.privileged ? 'unconfined' : 'docker-default');
  init.exec([prog === spec.argv[0] ? prog : spec.argv[0], ...spec.argv.slice(1)], spec.env);
}

/** --privileged: every device node of the host's /dev appears in the container's (moby oci.WithDevices on privileged, "all devices"). */
function copyHostDevices(init: Sys, root: string): void {
  let names: string[] = [];
  try {
    names = init.readdir('/dev');
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const st = init.lstat(`/dev/${name}`);
      if (st.type !== 'chardev' && st.type !== 'blockdev') continue;
      try {
        init.lstat(`${root}/dev/${name}`);
        continue;
      } catch {
        /* not there yet */
      }
      init.mknod(`${root}/dev/${name}`, st.type, st.rdev, st.mode & 0o7777);
    } catch {
      /* a node we cannot copy */
    }
  }
}

