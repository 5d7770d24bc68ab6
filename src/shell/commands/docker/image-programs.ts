/**
 * Programs that exist only inside the built-in images (src/model/image/
 * builtin): `python3` (the shop/app image's `python3 server.py`, a Flask-style
 * server on port 8000), and PostgreSQL's `initdb` and `postgres`. Each does
 * the part the chapters show: listen on its port in the container's network
 * namespace, write its data directory, log like the real program, and wait.
 * Memory figures are illustrative. Signals follow the real programs: Python
 * installs no SIGTERM handler (so as PID 1 it ignores `docker stop` until
 * the SIGKILL, facts §5.2) but turns SIGINT into KeyboardInterrupt; postgres
 * handles SIGINT/SIGTERM (fast/smart shutdown).
 */
import type { Command, CommandContext } from '../../types.ts';
import { fromText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';

/** Wait until a signal ends us; resolves with the caught signal's name (undefined if none is caught). */
async function serveForever(ctx: CommandContext, caught: readonly ('SIGTERM' | 'SIGINT')[]): Promise<string | undefined> {
  for (const s of caught) ctx.sys.signal?.(s, 'catch');
  for (;;) {
    try {
      // no deadline: wait for a signal without moving the virtual clock
      await ctx.sys.sleep(Infinity);
    } catch (e) {
      if (!isSysError(e, 'EINTR')) throw e;
    }
    const sig = ctx.sys.pendingSignal();
    if (sig && (caught as readonly string[]).includes(sig)) return sig;
    await ctx.checkpoint();
  }
}

/** Touch `bytes` of memory 1 MiB at a time, as a program faulting its pages in does, so an OOM kill lands on the biggest process (facts §6.2). */
function touch(ctx: CommandContext, bytes: number): void {
  for (let done = 0; done < bytes && !ctx.sys.pendingSignal(); done += 1024 * 1024) ctx.sys.allocate(Math.min(1024 * 1024, bytes - done));
}

/**
 * `python3 -m http.server [PORT] [--bind ADDR]` (Lib/http/server.py): binds all
 * interfaces dual-stack ("::") by default and prints "Serving HTTP on …". A
 * port taken in this network namespace ends it with the traceback's last line,
 * OSError errno 98 (the frames above it are left out), status 1.
 */
async function httpServer(ctx: CommandContext, args: readonly string[]): Promise<number> {
  let port = 8000;
  let bind = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--bind' || a === '-b') bind = args[++i] ?? '';
    else if (a.startsWith('--bind=')) bind = a.slice(7);
    else if (/^\d+$/.test(a)) port = Number(a);
    else if (a === '-d' || a === '--directory') i++;
    else {
      ctx.stderr.write(`usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '${a}'\n`);
      return 2;
    }
  }
  const host = bind === '' ? '::' : bind;
  touch(ctx, 12 * 1024 * 1024);
  if (ctx.sys.pendingSignal()) return 137;
  try {
    ctx.sys.listen(port, host);
  } catch (e) {
    if (isSysError(e, 'EADDRINUSE')) {
      ctx.stderr.write('Traceback (most recent call last):\n  ...\nOSError: [Errno 98] Address already in use\n');
      return 1;
    }
    throw e;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.stdout.write(`Serving HTTP on ${host} port ${port} (http://${urlHost}:${port}/) ...\n`);
  // KeyboardInterrupt is caught: the module prints a line and exits 0
  await serveForever(ctx, ['SIGINT']);
  ctx.stdout.write('\nKeyboard interrupt received, exiting.\n');
  return 0;
}

function listen(ctx: CommandContext, port: number, prog: string): boolean {
  try {
    ctx.sys.listen(port, '0.0.0.0');
    return true;
  } catch (e) {
    if (isSysError(e, 'EADDRINUSE')) {
      ctx.stderr.write(`${prog}: could not bind 0.0.0.0:${port}: Address already in use\n`);
      return false;
    }
    throw e;
  }
}

/** python3: `--version`, `-c 'print(...)'`, `server.py` (serves on 8000) and `-m http.server [PORT]`. */
export const python3: Command = {
  name: 'python3',
  summary: 'Python 3.12 interpreter (model: --version, -c print(...), server.py, -m http.server)',
  help: 'usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\n',
  async run(ctx) {
    const a = ctx.argv.slice(1);
    if (a[0] === '--version' || a[0] === '-V') {
      ctx.stdout.write('Python 3.12.3\n');
      return 0;
    }
    if (a[0] === '-m' && a[1] === 'http.server') return httpServer(ctx, a.slice(2));
    if (a[0] === '-c') {
      const m = /^\s*print\((['"])(.*)\1\)\s*$/.exec(a[1] ?? '');
      if (m) {
        ctx.stdout.write(m[2] + '\n');
        return 0;
      }
      ctx.stderr.write('python3: this model runs only print("...") with -c\n');
      return 1;
    }
    if (!a[0]) {
      ctx.stderr.write('python3: the model has no interactive interpreter\n');
      return 1;
    }
    try {
      ctx.sys.stat(a[0]);
    } catch {
      ctx.stderr.write(`python3: can't open file '${ctx.sys.getcwd().replace(/\/$/, '')}/${a[0]}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    touch(ctx, 30 * 1024 * 1024);
    if (ctx.sys.pendingSignal()) return 137;
    if (!listen(ctx, 8000, 'python3')) return 1;
    ctx.stdout.write(" * Serving Flask app 'server'\n * Debug mode: off\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:8000\nPress CTRL+C to quit\n");
    // Python's default SIGINT handler raises KeyboardInterrupt (the server stops; exit status 130); SIGTERM has no handler
    await serveForever(ctx, ['SIGINT']);
    return 130;
  },
};

/** initdb -D DIR: creates the cluster's files (PG_VERSION, base/, global/, postgresql.conf). */
export const initdb: Command = {
  name: 'initdb',
  summary: 'create a new PostgreSQL database cluster (model)',
  help: 'initdb initializes a PostgreSQL database cluster.\n\nUsage:\n  initdb [OPTION]... [DATADIR]\n',
  async run(ctx) {
    const a = ctx.argv.slice(1);
    const i = a.indexOf('-D');
    const dir = i >= 0 ? a[i + 1] : a.find((x) => x.startsWith('--pgdata='))?.slice(9) ?? ctx.env.get('PGDATA');
    if (!dir) {
      ctx.stderr.write('initdb: error: no data directory specified\n');
      return 1;
    }
    for (const d of [dir, `${dir}/base`, `${dir}/base/1`, `${dir}/global`, `${dir}/pg_wal`]) {
      try {
        ctx.sys.mkdir(d, 0o700);
      } catch (e) {
        if (!isSysError(e, 'EEXIST')) throw e;
      }
    }
    ctx.sys.writeFile(`${dir}/PG_VERSION`, fromText('17\n'), { mode: 0o600 });
    ctx.sys.writeFile(`${dir}/postgresql.conf`, fromText("listen_addresses = '*'\n"), { mode: 0o600 });
    ctx.sys.writeFile(`${dir}/global/pg_control`, new Uint8Array(8192), { mode: 0o600 });
    ctx.sys.writeFile(`${dir}/pg_wal/000000010000000000000001`, new Uint8Array(16384), { mode: 0o600 });
    ctx.stdout.write(`The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".

fixing permissions on existing directory ${dir} ... ok
creating subdirectories ... ok
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${dir} -l logfile start

`);
    return 0;
  },
};

/** postgres: listen on 5432 and log like PostgreSQL 17 until SIGINT/SIGTERM. */
export const postgres: Command = {
  name: 'postgres',
  summary: 'PostgreSQL server (model: listens on 5432, logs, shuts down on SIGINT/SIGTERM)',
  help: 'postgres is the PostgreSQL server.\n\nUsage:\n  postgres [OPTION]...\n',
  async run(ctx) {
    const ts = () => new Date(ctx.sys.realtime() / 1000).toISOString().replace('T', ' ').replace('Z', ' UTC').replace(/\.(\d{3})\d*/, '.$1');
    const log = (m: string) => ctx.stderr.write(`${ts()} [${ctx.sys.pid}] LOG:  ${m}\n`);
    touch(ctx, 24 * 1024 * 1024);
    log('starting PostgreSQL 17.6 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit');
    if (!listen(ctx, 5432, 'postgres')) return 1;
    log('listening on IPv4 address "0.0.0.0", port 5432');
    log('listening on IPv6 address "::", port 5432');
    log('listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
    log('database system is ready to accept connections');
    const sig = await serveForever(ctx, ['SIGINT', 'SIGTERM']);
    log(`received ${sig === 'SIGINT' ? 'fast' : 'smart'} shutdown request`);
    log('database system is shut down');
    return 0;
  },
};

/** Image programs this folder provides. */
export const IMAGE_PROGRAMS: readonly Command[] = [python3, initdb, postgres];
