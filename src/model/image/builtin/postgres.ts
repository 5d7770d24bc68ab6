/**
 * `postgres:17-alpine`: PostgreSQL on alpine:3.22, with the layer steps of
 * docker-library/postgres 17/alpine3.22/Dockerfile (user 70, PGDATA,
 * VOLUME, entrypoint, STOPSIGNAL SIGINT, port 5432), for the parallel-tests
 * claim. The entrypoint is a shortened sh version of the real bash script;
 * binaries are model programs (postgres, initdb, pg_ctl, psql…); sizes are
 * illustrative virtual filler (~280 MB unpacked in all).
 */
import { virtualData } from '../../fs/data.ts';
import { programFile } from '../../program.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';
import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine.ts';

/** Build time of the image (illustrative: 2025-11-13T18:00:00Z). */
export const PG_CREATED_S = Date.UTC(2025, 10, 13, 18, 0, 0) / 1000;
const PG: { uid: number; gid: number } = { uid: 70, gid: 70 };

/** Layer 1: addgroup/adduser postgres (70) and /var/lib/postgresql (1777). */
export function pgUserLayer(): TarEntry[] {
  const passwd = `${ALPINE_PASSWD}postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh\n`;
  const group = ALPINE_GROUP.replace('ping:x:999:\n', 'ping:x:999:\npostgres:x:70:postgres\n');
  const shadow = passwd.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '!'}::0:::::`).join('\n') + '\n';
  return new LayerBuilder(PG_CREATED_S).dir('etc').dir('var').dir('var/lib')
    .file('etc/passwd', passwd).file('etc/group', group).file('etc/shadow', shadow, 0o640, { uid: 0, gid: 42 })
    .dir('var/lib/postgresql', 0o1777, PG).build();
}

/** Layer 2: /docker-entrypoint-initdb.d. */
export function pgInitdbDirLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 10).dir('docker-entrypoint-initdb.d').build();
}

/** Layer 3: the PostgreSQL build (binaries, libraries, share, LLVM for JIT). */
export function pgBuildLayer(): TarEntry[] {
  const b = new LayerBuilder(PG_CREATED_S + 900);
  for (const d of ['usr', 'usr/lib', 'usr/local', 'usr/local/bin', 'usr/local/lib', 'usr/local/share']) b.dir(d);
  for (const p of ['postgres', 'initdb', 'pg_ctl', 'psql', 'pg_dump', 'pg_restore', 'createdb', 'dropdb', 'pg_isready']) b.file(`usr/local/bin/${p}`, programFile(p, 40_000), 0o755);
  b.file('usr/local/lib/postgresql/plpgsql.so', virtualData(18_700_000, 'postgres-17/lib'), 0o755);
  b.file('usr/local/share/postgresql/postgres.bki', virtualData(9_300_000, 'postgres-17/share'));
  b.file('usr/lib/libLLVM.so.20.1', virtualData(148_000_000, 'postgres-17/llvm'), 0o755);
  b.file('usr/lib/libicudata.so.76.1', virtualData(31_900_000, 'postgres-17/icu'), 0o755);
  b.file('usr/lib/libxml2.so.2.13.8', virtualData(1_400_000, 'postgres-17/libxml2'), 0o755);
  b.file('usr/local/share/postgresql/postgresql.conf.sample', "listen_addresses = 'localhost'\nmax_connections = 100\nshared_buffers = 128MB\n");
  return b.build();
}

/** Layer 4: sample config listens on all addresses (sed in the Dockerfile). */
export function pgConfLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 910).dir('usr').dir('usr/local').dir('usr/local/share').dir('usr/local/share/postgresql')
    .file('usr/local/share/postgresql/postgresql.conf.sample', "listen_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\n").build();
}

/** Layer 5: /var/run/postgresql (→ /run/postgresql on alpine) 3777 postgres. */
export function pgRunDirLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 920).dir('run').dir('run/postgresql', 0o3777, PG).build();
}

/** Layer 6: PGDATA (1777 postgres). */
export function pgDataDirLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 930).dir('var').dir('var/lib').dir('var/lib/postgresql', 0o1777, PG).dir('var/lib/postgresql/data', 0o1777, PG).build();
}

const ENTRYPOINT = `#!/bin/sh
# Shortened from docker-library/postgres docker-entrypoint.sh (the real one is bash).
set -e
if [ "\${1#-}" != "$1" ]; then
	set -- postgres "$@"
fi
if [ "$1" = 'postgres' ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
	initdb --username="\${POSTGRES_USER:-postgres}" -D "$PGDATA"
	echo
	echo 'PostgreSQL init process complete; ready for start up.'
	echo
fi
exec "$@"
`;

/** Layer 7: the entrypoint scripts. */
export function pgEntrypointLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 940).dir('usr').dir('usr/local').dir('usr/local/bin')
    .file('usr/local/bin/docker-entrypoint.sh', ENTRYPOINT, 0o755)
    .file('usr/local/bin/docker-ensure-initdb.sh', '#!/bin/sh\n# Shortened: initialise PGDATA only.\nset -e\nexec docker-entrypoint.sh true\n', 0o755).build();
}

/** Layer 8: docker-enforce-initdb.sh symlink. */
export function pgSymlinkLayer(): TarEntry[] {
  return new LayerBuilder(PG_CREATED_S + 950).dir('usr').dir('usr/local').dir('usr/local/bin')
    .symlink('usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh').build();
}
