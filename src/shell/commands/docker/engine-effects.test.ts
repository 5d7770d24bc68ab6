/**
 * What the engine does to the kernel and the registry, seen through the
 * docker CLI and the host's own view: capabilities (facts §9.2), pids.max
 * (facts §6.4), volumes, push/pull between two hosts (only missing layers
 * move), save/load, tag/rmi, logs, restart, pause, wait.
 */
import { describe, expect, it } from 'vitest';
import { Registry } from '../../../model/image/registry.ts';
import { dockerHost } from './testing.ts';

describe('engine effects', () => {
  it.each([
    ['', 14, 'CAP_SYS_ADMIN', false],
    ['--privileged', 41, 'CAP_SYS_ADMIN', true],
    ['--cap-add SYS_ADMIN', 15, 'CAP_SYS_ADMIN', true],
    ['--cap-drop NET_RAW', 13, 'CAP_NET_RAW', false],
  ])('docker run %s: PID 1 has %d capabilities', async (flags, n, cap, has) => {
    const h = dockerHost();
    const r = await h.sh(`docker run -d --name ctr ${flags} shop/app:1.0`);
    expect(r.status).toBe(0);
    const caps = h.daemon.get('ctr').init!.capabilities();
    expect(caps.size).toBe(n);
    expect(caps.has(cap)).toBe(has);
  });

  it('a named volume is shared between containers and survives them', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --rm -v data:/data alpine sh -c "echo kept > /data/f"; docker run --rm -v data:/data alpine sh -c "read l < /data/f; echo \\$l"; docker volume ls');
    expect(r.out).toBe('kept\nDRIVER    VOLUME NAME\nlocal     data\n');
    expect(new TextDecoder().decode(h.login.readFile('/var/lib/docker/volumes/data/_data/f') as Uint8Array)).toBe('kept\n');
  });

  it('push then pull on a second host moves only missing layers (same-image-everywhere)', async () => {
    const registry = new Registry();
    const a = dockerHost({ registry, hostname: 'dev' });
    const b = dockerHost({ registry, hostname: 'prod', seed: 9 });
    const r1 = await a.sh('docker run --name cc alpine sh -c "echo v1 > /version"; docker commit cc team/app:1 >/dev/null; docker push team/app:1');
    expect(r1.out).toMatch(/^The push refers to repository \[docker\.io\/team\/app\]\n[0-9a-f]{12}: Pushed\n[0-9a-f]{12}: Mounted from library\/alpine\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    const pushed = /digest: (sha256:[0-9a-f]{64})/.exec(r1.out)![1];
    expect((await a.sh("docker image inspect -f '{{json .RepoDigests}}' team/app:1")).out).toBe(`["team/app@${pushed}"]\n`);
    const r2 = await b.sh('docker pull alpine >/dev/null; docker pull team/app:1');
    expect(r2.out).toMatch(/^1: Pulling from team\/app\n[0-9a-f]{12}: Already exists\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for team\/app:1\ndocker\.io\/team\/app:1\n$/);
    const ida = (await a.sh('docker images -q team/app:1')).out;
    const idb = (await b.sh('docker images -q team/app:1')).out;
    expect(ida).toBe(idb);
  });

  it('save -o and load -i round-trip an image', async () => {
    const h = dockerHost();
    const r = await h.sh('docker pull alpine:3.22 >/dev/null; docker save -o /root/a.tar alpine:3.22; docker rmi alpine:3.22 >/dev/null; docker images -q; docker load -i /root/a.tar');
    expect(r.err).toBe('');
    expect(r.out).toBe('Loaded image: alpine:3.22\n');
  });

  it('tag and rmi print Docker lines', async () => {
    const h = dockerHost();
    const r = await h.sh('docker pull alpine >/dev/null; docker tag alpine mine:1; docker rmi mine:1; docker rmi nope:1');
    expect(r.out).toBe('Untagged: mine:1\n');
    expect(r.err).toBe('Error response from daemon: No such image: nope:1\n');
  });

  it('logs, pause, restart, wait', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name web shop/app:1.0 >/dev/null; docker logs web; docker pause web; docker ps --format "{{.Status}}"; docker unpause web; docker restart -t 1 web; docker inspect -f "{{.RestartCount}} {{.State.Status}}" web; docker run -d --name short alpine sh -c "exit 3" >/dev/null; docker wait short');
    expect(r.out).toBe(" * Serving Flask app 'server'\n * Debug mode: off\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:8000\nPress CTRL+C to quit\nweb\nUp Less than a second (Paused)\nweb\nweb\n0 running\n3\n");
  });

  it('--memory below the program\'s needs: the OOM killer ends PID 1, 137 and OOMKilled (facts §6.2)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name small -m 16m shop/app:1.0 >/dev/null; echo "st=$?"; docker inspect -f "{{.State.ExitCode}} {{.State.OOMKilled}}" small');
    expect(r.out).toBe('st=137\n137 true\n');
  });

  it('the OOM killer picks the biggest process of the cgroup: python3 under sh, not sh (facts §6.2)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker pull -q shop/app:1.0 >/dev/null; docker run --rm -m 16m shop/app:1.0 sh -c "python3 server.py; echo exit \\$?; cat /sys/fs/cgroup/memory.events"');
    expect(r.out).toMatch(/^exit 137\nlow 0\nhigh 0\nmax \d+\noom 1\noom_kill 1\n/);
    expect(r.err).toBe('Killed\n');
  });

  it.each([
    ['two containers listen on the same port, each in its own network namespace (facts §5.4)',
      'docker pull -q shop/app:1.0 >/dev/null; docker run -d --name w1 shop/app:1.0 python3 -m http.server 4000 >/dev/null; docker run -d --name w2 shop/app:1.0 python3 -m http.server 4000 >/dev/null; docker logs w2; docker inspect -f "{{.State.Running}}" w1 w2',
      'Serving HTTP on :: port 4000 (http://[::]:4000/) ...\ntrue\ntrue\n', ''],
    ['two servers on one port in the same namespace: EADDRINUSE (bind(2))',
      'docker pull -q shop/app:1.0 >/dev/null; docker run --rm shop/app:1.0 sh -c "python3 -m http.server 4000 & sleep 1; python3 -m http.server 4000; echo st=\\$?"',
      'Serving HTTP on :: port 4000 (http://[::]:4000/) ...\nst=1\n', 'Traceback (most recent call last):\n  ...\nOSError: [Errno 98] Address already in use\n'],
  ])('python3 -m http.server: %s', async (_n, script, out, err) => {
    const r = await dockerHost().sh(script);
    expect(r.out).toBe(out);
    // a background server the container's end kills may add a line after the error
    if (err) expect(r.err.startsWith(err)).toBe(true);
    else expect(r.err).toBe('');
  });

  it.each([
    ['alpine true', 0],
    ['alpine sleep 5', 5],
  ])('a foreground `docker run %s` lets only its own time pass: a detached `sleep 1000` keeps running', async (args, secs) => {
    const h = dockerHost();
    const r = await h.sh(`docker pull -q alpine >/dev/null; docker run -d --name bg alpine sleep 1000 >/dev/null; a=$(cut -d. -f1 /proc/uptime); docker run --rm ${args}; b=$(cut -d. -f1 /proc/uptime); echo $((b - a)); docker inspect -f '{{.State.Running}}' bg`);
    const [elapsed, running] = r.out.trim().split('\n');
    expect(Number(elapsed)).toBeGreaterThanOrEqual(secs);
    expect(Number(elapsed)).toBeLessThan(secs + 5);
    expect(running).toBe('true');
  });

  it('--pids-limit makes fork fail with EAGAIN inside (facts §6.4)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --pids-limit 3 alpine sh -c "sleep 5 & sleep 5 & sleep 5 & wait"; echo "st=$?"');
    expect(r.err).toMatch(/Resource temporarily unavailable/);
  });

  it('stats reads the cgroup; top lists the container\'s processes with host PIDs; port lists bindings', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name web -m 64m -p 8080:8000 shop/app:1.0 >/dev/null; docker stats --no-stream web; docker top web; docker port web; docker inspect -f "{{.State.Pid}}" web');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS');
    expect(lines[1]).toMatch(/^[0-9a-f]{12}   web       0\.00%     [0-9.]+MiB \/ 64MiB +[0-9.]+% +0B \/ 0B +0B \/ 0B +1$/);
    expect(lines[2]).toMatch(/^UID +PID +PPID +C +STIME +TTY +TIME +CMD$/);
    const pid = lines[6];
    expect(lines[3]).toMatch(new RegExp(`^root +${pid} +\\d+ +0 +\\d\\d:\\d\\d +\\? +00:00:00 +python3 server\\.py$`));
    expect(lines.slice(4, 6)).toEqual(['8000/tcp -> 0.0.0.0:8080', '8000/tcp -> [::]:8080']);
  });

  it('postgres: run -d returns after start-up logs; each container initialises its own data; stop is a clean SIGTERM shutdown', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name db1 postgres:17-alpine >/dev/null 2>&1; docker run -d --name db2 postgres:17-alpine >/dev/null; docker logs db1 2>&1; docker stop db1; docker inspect -f "{{.State.ExitCode}}" db1; docker diff db2');
    expect(r.out).toContain('PostgreSQL init process complete; ready for start up.\n');
    expect(r.out).toMatch(/LOG:  database system is ready to accept connections\n/);
    expect(r.out).toContain('db1\n0\n');
    expect(r.out).toContain('A /var/lib/postgresql/data/PG_VERSION\n');
  });

  it.each([
    ['', 'core fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero'],
  ])('/dev in a default container is runc\'s minimal set %s', async (flags, want) => {
    const r = await dockerHost().sh(`docker run --rm ${flags} alpine ls /dev`);
    expect(r.out.trim().split('\n').join(' ')).toBe(want);
  });

  it('--privileged sees the host disk and can mount it (escape, facts §9.2); a default container cannot', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --rm --privileged alpine sh -c "mount /dev/sda1 /mnt && read l < /mnt/etc/os-release; echo \\$l"; docker run --rm alpine sh -c "mount /dev/sda1 /mnt" || echo refused');
    expect(r.out).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nrefused\n');
  });

  it('--network host shares the host\'s interfaces and hostname', async () => {
    const h = dockerHost({ hostname: 'box1' });
    const r = await h.sh('docker run --rm --network host alpine hostname');
    expect(r.out).toBe('box1\n');
  });

  it('-p CONTAINER_PORT publishes on the first free port of ip_local_port_range (portallocator)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name w1 -p 8000 shop/app:1.0 >/dev/null; docker run -d --name w2 -p 8000 shop/app:1.0 >/dev/null; docker port w1 8000; docker port w2 8000');
    expect(r.out).toBe('0.0.0.0:32768\n[::]:32768\n0.0.0.0:32769\n[::]:32769\n');
  });

  it('docker cp copies out of a stopped container and into a running one', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name c1 alpine sh -c "echo hi > /etc/hello"; docker cp c1:/etc/hello /root/h; docker run -d --name r1 alpine sleep 100 >/dev/null; docker cp /root/h r1:/tmp/; docker exec r1 sh -c "read l < /tmp/h; echo \\$l"; docker diff r1');
    expect(r.err).toContain('Successfully copied 2.05kB to /root/h\n');
    expect(new TextDecoder().decode(h.login.readFile('/root/h') as Uint8Array)).toBe('hi\n');
    expect(r.out).toBe('hi\nC /tmp\nA /tmp/h\n');
  });

  it('rm refuses a running container unless forced', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name web shop/app:1.0 >/dev/null; docker rm web; docker rm -f web; docker ps -a -q');
    expect(r.err).toContain('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n');
    expect(r.out).toBe('web\n');
  });
});
