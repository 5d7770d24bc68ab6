/**
 * Pure helpers of the engine: the names and paths Docker derives (cgroup
 * path per container, familiar references), the HostConfig defaults, and the
 * environment PID 1 gets (moby oci.WithEnv).
 */
import type { Container, HostConfig } from './types.ts';

/** The cgroup v2 path of a container with the systemd cgroup driver (facts §4.2). */
export function cgroupPath(id: string): string {
  return `/system.slice/docker-${id}.scope`;
}

/** "alpine" → "alpine:latest" (reference.ParseNormalizedNamed + TagNameOnly, short form). */
export function normalizeRef(ref: string): string {
  if (ref.includes('@') || /^sha256:/.test(ref) || /^[0-9a-f]{12,64}$/.test(ref)) return ref;
  const slash = ref.lastIndexOf('/');
  return ref.slice(slash + 1).includes(':') ? ref : `${ref}:latest`;
}

/** HostConfig with Docker's defaults for what `docker run` did not set. */
export function hostConfig(h: Partial<HostConfig> | undefined): HostConfig {
  return {
    memory: h?.memory ?? 0,
    nanoCpus: h?.nanoCpus ?? 0,
    pidsLimit: h?.pidsLimit ?? 0,
    privileged: h?.privileged ?? false,
    capAdd: [...(h?.capAdd ?? [])],
    capDrop: [...(h?.capDrop ?? [])],
    portBindings: [...(h?.portBindings ?? [])],
    publishAll: h?.publishAll ?? false,
    mounts: [...(h?.mounts ?? [])],
    networkMode: h?.networkMode ?? 'bridge',
    autoRemove: h?.autoRemove ?? false,
  };
}

/** Image Env overlaid with `-e` values (same key replaces), Docker's order. */
export function mergeEnv(image: readonly string[], extra: readonly string[]): string[] {
  const out = [...image];
  for (const e of extra) {
    const key = e.split('=')[0];
    const i = out.findIndex((x) => x.split('=')[0] === key);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** The environment PID 1 gets: Config.Env plus HOSTNAME, HOME, TERM (oci.WithEnv in moby). */
export function processEnv(c: Container): Map<string, string> {
  const env = new Map<string, string>();
  env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', c.config.Hostname);
  if (c.config.Tty) env.set('TERM', 'xterm');
  for (const e of c.config.Env) {
    const i = e.indexOf('=');
    if (i > 0) env.set(e.slice(0, i), e.slice(i + 1));
  }
  if (!env.has('HOME')) env.set('HOME', '/root');
  return env;
}

