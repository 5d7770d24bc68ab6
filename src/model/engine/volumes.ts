/**
 * Named volumes of the `local` driver: a directory
 * /var/lib/docker/volumes/<name>/_data on the host, bind-mounted into
 * containers (moby volume/local). Anonymous volumes are not modelled.
 */
import type { Sys } from '../kernel/types.ts';
import { isSysError } from '../errors.ts';
import { ApiError } from './types.ts';

/** One volume (api/types/volume.Volume). */
export interface Volume {
  readonly name: string;
  readonly driver: 'local';
  readonly mountpoint: string;
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** The volume service of one dockerd; directories are made through dockerd's own system calls. */
export class Volumes {
  readonly #sys: Sys;
  readonly #byName = new Map<string, Volume>();
  constructor(sys: Sys) {
    this.#sys = sys;
  }

  list(): Volume[] {
    return [...this.#byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  get(name: string): Volume | undefined {
    return this.#byName.get(name);
  }

  /** Create (or return the existing) volume `name`. */
  create(name: string, now: number): Volume {
    const have = this.#byName.get(name);
    if (have) return have;
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
      throw new ApiError(400, `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    }
    const mountpoint = `/var/lib/docker/volumes/${name}/_data`;
    for (const d of ['/var/lib/docker/volumes', `/var/lib/docker/volumes/${name}`, mountpoint]) {
      try {
        this.#sys.mkdir(d, 0o755);
      } catch (e) {
        if (!isSysError(e, 'EEXIST')) throw e;
      }
    }
    const v: Volume = { name, driver: 'local', mountpoint, created: now, labels: {} };
    this.#byName.set(name, v);
    return v;
  }

  /** `docker volume rm`: refused while a container uses it. */
  remove(name: string, usedBy: string | undefined): void {
    if (!this.#byName.has(name)) throw new ApiError(404, `get ${name}: no such volume`);
    if (usedBy) throw new ApiError(409, `remove ${name}: volume is in use - [${usedBy}]`);
    this.#byName.delete(name);
  }
}
