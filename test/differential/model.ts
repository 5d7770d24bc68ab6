/** The same cases on the model: one laptop world, one container per case. */
import type { Sys } from '../../src/model/kernel/types.ts';
import { openSession } from '../../src/shell/open-session.ts';
import type { UpperEntry } from './listing.ts';
import type { Observed } from './real.ts';

export class ModelSide {
  readonly #session = openSession('laptop', { color: false, columns: 200, onOutput: (t) => { this.#out += t; } });
  #out = '';

  get host(): Sys {
    return this.#session.world.primary.kernel.init;
  }

  async sh(line: string): Promise<string> {
    this.#out = '';
    const r = await this.#session.input(line);
    if (r.kind !== 'done') throw new Error(`model: "${line}" did not complete (${r.kind})`);
    return this.#out;
  }

  async prepare(): Promise<void> {
    await this.sh('docker pull -q busybox:1.37 > /dev/null');
  }

  async run(name: string, script: string): Promise<Observed> {
    const quoted = `'${`${script}; echo "[exit $?]"; hostname`.replace(/'/g, `'\\''`)}'`;
    const lines = (await this.sh(`docker run --name ${name} busybox:1.37 sh -c ${quoted}`)).trimEnd().split('\n');
    const hostname = lines.pop() ?? '';
    const id = (await this.sh(`docker inspect -f '{{.Id}}' ${name}`)).trim();
    const diff = (await this.sh(`docker diff ${name}`)).trim().split('\n').filter(Boolean);
    const upperDir = (await this.sh(`docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ${name}`)).trim();
    return { output: lines.join('\n'), diff, upper: this.#list(upperDir), hostname, id };
  }

  #list(root: string): UpperEntry[] {
    const sys = this.host;
    const out: UpperEntry[] = [];
    const walk = (rel: string): void => {
      for (const name of sys.readdir(root + rel)) {
        const path = `${rel}/${name}`;
        const st = sys.lstat(root + path);
        const type = st.type === 'dir' || st.type === 'symlink' || st.type === 'chardev' || st.type === 'file' ? st.type : 'other';
        out.push({
          path, type, mode: st.mode, size: st.size, opaque: type === 'dir' && sys.getxattr(root + path, 'trusted.overlay.opaque') === 'y',
          ...(type === 'symlink' ? { target: sys.readlink(root + path) } : {}),
          ...(type === 'chardev' ? { rdev: `${st.rdev[0]},${st.rdev[1]}` } : {}),
        });
        if (type === 'dir') walk(path);
      }
    };
    walk('');
    return out;
  }
}
