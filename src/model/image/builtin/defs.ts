/**
 * The built-in image definitions: Dockerfile-like steps whose history
 * texts follow the real images' `docker history` (BuildKit's
 * "# buildkit" suffix and "buildkit.dockerfile.v0" comment, or the older
 * "/bin/sh -c #(nop) " form the ubuntu image still shows).
 */
import { hexOf } from '../digest.ts';
import { ALPINE_CREATED_S, alpineRootfs } from './alpine.ts';
import { BAKED } from './baked.ts';
import { appModelLayer, appPipLayer, appPythonLayer, appRequirementsLayer, appSourceLayer, APP_CREATED_S } from './app.ts';
import { BUSYBOX_CREATED_S, BUSYBOX_TRANSFER, busyboxRootfs } from './busybox.ts';
import { once } from './once.ts';
import { pgBuildLayer, pgConfLayer, pgDataDirLayer, pgEntrypointLayer, pgInitdbDirLayer, pgRunDirLayer, pgSymlinkLayer, pgUserLayer, PG_CREATED_S } from './postgres.ts';
import type { ImageDef, LayerDef, StepDef } from './types.ts';
import { ubuntuRootfs, UBUNTU_CREATED_S } from './ubuntu.ts';
import { NANOSERVER_CREATED_S, NANOSERVER_OS_VERSION, nanoserverLayer } from './windows.ts';

const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const BK = 'buildkit.dockerfile.v0';

/** PATH set by the official images' Dockerfiles. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function layer(key: string, entries: LayerDef['entries'], transferSize?: number): LayerDef {
  return { key, entries: once(entries), ...(transferSize ? { transferSize } : {}) };
}

/** A BuildKit step at `s` seconds; with a layer when `l` is given. */
function bk(s: number, createdBy: string, l?: LayerDef): StepDef {
  return { created: iso(s), createdBy, comment: BK, ...(l ? { layer: l } : {}) };
}

/** `alpine:3.22` (also 3.22.6 and latest); facts §8.4. */
export const ALPINE: ImageDef = {
  repository: 'alpine',
  tags: ['3.22', '3.22.6', 'latest'],
  steps: [
    bk(ALPINE_CREATED_S, 'ADD alpine-minirootfs-3.22.6-x86_64.tar.gz / # buildkit', layer('alpine:3.22/rootfs', alpineRootfs, 3_792_075)),
    bk(ALPINE_CREATED_S, 'CMD ["/bin/sh"]'),
  ],
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/sh'] },
};

/** `busybox:1.37` (also latest); sizes illustrative. */
export const BUSYBOX: ImageDef = {
  repository: 'busybox',
  tags: ['1.37', '1.37.0', 'latest'],
  steps: [
    bk(BUSYBOX_CREATED_S, 'ADD busybox.tar.xz / # buildkit', layer('busybox:1.37/rootfs', busyboxRootfs, BUSYBOX_TRANSFER)),
    bk(BUSYBOX_CREATED_S, 'CMD ["sh"]'),
  ],
  config: { Env: [DEFAULT_PATH], Cmd: ['sh'] },
};

const UBUNTU_LAYER = layer('ubuntu:24.04/rootfs', ubuntuRootfs, 29_764_116);
const nop = (s: string): StepDef => ({ created: iso(UBUNTU_CREATED_S), createdBy: `/bin/sh -c #(nop)  ${s}` });

/** `ubuntu:24.04` (also noble and latest); facts §8.4. */
export const UBUNTU: ImageDef = {
  repository: 'ubuntu',
  tags: ['24.04', 'noble', 'latest'],
  steps: [
    nop('ARG RELEASE'),
    nop('ARG LAUNCHPAD_BUILD_ARCH'),
    nop('LABEL org.opencontainers.image.ref.name=ubuntu'),
    nop('LABEL org.opencontainers.image.version=24.04'),
    // The history names the ADDed file by its sha256; the baked diff ID is what we have for it.
    { created: iso(UBUNTU_CREATED_S), createdBy: `/bin/sh -c #(nop) ADD file:${hexOf(BAKED['ubuntu:24.04/rootfs']?.diffId ?? '').slice(0, 64)} in / `, layer: UBUNTU_LAYER },
    nop('CMD ["/bin/bash"]'),
  ],
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
};

const A = APP_CREATED_S;

/** `shop/app:1.0`: the ~1.2 GB application image (illustrative). */
export const SHOP_APP: ImageDef = {
  repository: 'shop/app',
  tags: ['1.0', 'latest'],
  base: UBUNTU,
  steps: [
    bk(A + 60, 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/* # buildkit', layer('shop/app:1.0/python', appPythonLayer)),
    bk(A + 61, 'WORKDIR /app'),
    bk(A + 120, 'COPY requirements.txt . # buildkit', layer('shop/app:1.0/requirements', appRequirementsLayer)),
    bk(A + 300, 'RUN /bin/sh -c pip install --no-cache-dir --break-system-packages -r requirements.txt # buildkit', layer('shop/app:1.0/pip', appPipLayer)),
    bk(A + 420, 'COPY model/ ./model/ # buildkit', layer('shop/app:1.0/model', appModelLayer)),
    bk(A + 480, 'COPY . . # buildkit', layer('shop/app:1.0/source', appSourceLayer)),
    bk(A + 481, 'ENV PYTHONUNBUFFERED=1'),
    bk(A + 482, 'EXPOSE map[8000/tcp:{}]'),
    bk(A + 483, 'CMD ["python3" "server.py"]'),
  ],
  config: { Env: [DEFAULT_PATH, 'PYTHONUNBUFFERED=1'], Cmd: ['python3', 'server.py'], WorkingDir: '/app', ExposedPorts: { '8000/tcp': {} } },
};

const P = PG_CREATED_S;

/** `postgres:17-alpine` (also 17.6-alpine): layer steps of docker-library/postgres; sizes illustrative. */
export const POSTGRES: ImageDef = {
  repository: 'postgres',
  tags: ['17-alpine', '17.6-alpine', '17-alpine3.22'],
  base: ALPINE,
  steps: [
    bk(P, 'RUN /bin/sh -c set -eux; addgroup -g 70 -S postgres; adduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit', layer('postgres:17-alpine/user', pgUserLayer)),
    bk(P + 1, 'ENV LANG=en_US.utf8'),
    bk(P + 10, 'RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit', layer('postgres:17-alpine/initdb.d', pgInitdbDirLayer)),
    bk(P + 11, 'ENV PG_MAJOR=17'),
    bk(P + 12, 'ENV PG_VERSION=17.6'),
    bk(P + 900, 'RUN /bin/sh -c set -eux; apk add --no-cache --virtual .build-deps bison flex gcc llvm-dev clang make …; ./configure --with-llvm --with-icu …; make -j "$(nproc)" world-bin; make install-world-bin; apk del --no-network .build-deps # buildkit', layer('postgres:17-alpine/build', pgBuildLayer)),
    bk(P + 910, 'RUN /bin/sh -c set -eux; cp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/local/share/postgresql/postgresql.conf.sample # buildkit', layer('postgres:17-alpine/conf', pgConfLayer)),
    bk(P + 920, 'RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit', layer('postgres:17-alpine/run', pgRunDirLayer)),
    bk(P + 921, 'ENV PGDATA=/var/lib/postgresql/data'),
    bk(P + 930, 'RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA" # buildkit', layer('postgres:17-alpine/pgdata', pgDataDirLayer)),
    bk(P + 931, 'VOLUME [/var/lib/postgresql/data]'),
    bk(P + 940, 'COPY docker-ensure-initdb.sh docker-entrypoint.sh /usr/local/bin/ # buildkit', layer('postgres:17-alpine/entrypoint', pgEntrypointLayer)),
    bk(P + 950, 'RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit', layer('postgres:17-alpine/symlink', pgSymlinkLayer)),
    bk(P + 951, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    bk(P + 952, 'STOPSIGNAL SIGINT'),
    bk(P + 953, 'EXPOSE map[5432/tcp:{}]'),
    bk(P + 954, 'CMD ["postgres"]'),
  ],
  config: {
    Env: [DEFAULT_PATH, 'LANG=en_US.utf8', 'PG_MAJOR=17', 'PG_VERSION=17.6', 'PGDATA=/var/lib/postgresql/data'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], ExposedPorts: { '5432/tcp': {} }, StopSignal: 'SIGINT',
    Volumes: { '/var/lib/postgresql/data': {} },
  },
};

/** `mcr.microsoft.com/windows/nanoserver:ltsc2022`: os "windows" (claim other-os); sizes illustrative. */
export const NANOSERVER: ImageDef = {
  repository: 'mcr.microsoft.com/windows/nanoserver',
  tags: ['ltsc2022'],
  os: 'windows',
  osVersion: NANOSERVER_OS_VERSION,
  steps: [{ created: iso(NANOSERVER_CREATED_S), createdBy: `Apply image ${NANOSERVER_OS_VERSION}`, layer: layer('nanoserver:ltsc2022/base', nanoserverLayer, 121_000_000) }],
  config: { User: 'ContainerUser', Env: ['PATH=C:\\Windows\\system32;C:\\Windows;'], Cmd: ['c:\\windows\\system32\\cmd.exe'] },
};

/** Every built-in image definition, base images first. */
export const BUILTIN_IMAGES: readonly ImageDef[] = [ALPINE, BUSYBOX, UBUNTU, SHOP_APP, POSTGRES, NANOSERVER];
