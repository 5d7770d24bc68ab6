/**
 * The docker CLI end to end on the model (kernel, overlay, image store,
 * registry): output formats and error texts of Docker Engine 28 (docs:
 * docs.docker.com/reference/cli/docker/; messages from moby and docker/cli
 * sources as cited in each module) and the engine's effects on the kernel
 * (cgroup files per facts §4.2, namespaces per facts §4.5).
 */
import { describe, expect, it } from 'vitest';
import { toText } from '../../../model/fs/data.ts';
import { dockerHost } from './testing.ts';

describe('docker CLI output and errors', () => {
  it.each([
    ['docker run alpine echo hi', /^hi\n$/, /Unable to find image 'alpine:latest' locally\nlatest: Pulling from library\/alpine\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:latest\n/, 0],
    ['docker run --name c1 alpine true; docker run --name c1 alpine true', /^$/, /docker: Error response from daemon: Conflict\. The container name "\/c1" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/, 125],
    ['docker rm nope', /^$/, /^Error response from daemon: No such container: nope\n$/, 1],
    ['docker run mcr.microsoft.com/windows/nanoserver:ltsc2022', /^$/, /docker: Error response from daemon: image operating system "windows" cannot be used on this platform\n/, 125],
    ['docker pull alpine >/dev/null; docker run alpine bash', /^$/, /exec: "bash": executable file not found in \$PATH: unknown\n/, 127],
    ['docker run -d -p 4000:8000 shop/app:1.0 >/dev/null; docker run -d --name web2 -p 4000:8000 shop/app:1.0', /^$/, /driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:4000 failed: port is already allocated\n/, 125],
    ['docker frob', /^$/, /^docker: unknown command: docker frob\n/, 1],
    ['docker run --nope alpine', /^$/, /^unknown flag: --nope\n/, 125],
  ])('%s', async (script, out, err, status) => {
    const h = dockerHost();
    const r = await h.sh(script);
    expect(r.out).toMatch(out);
    expect(r.err).toMatch(err);
    expect(r.status).toBe(status);
  });

  it('prints the Cannot connect message without a daemon (client-server)', async () => {
    const h = dockerHost({ noDaemon: true });
    const r = await h.sh('docker ps');
    expect(r.err).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    expect(r.status).toBe(1);
    const v = await h.sh('docker version');
    expect(v.out).toContain('Client: Docker Engine - Community\n Version:           28.5.2\n');
    expect(v.out).not.toContain('Server:');
  });

  it('version and info name the layers (lxc-to-runc, facts §4)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker version; docker info');
    for (const s of ['Server: Docker Engine - Community', ' containerd:\n  Version:          v1.7.28', ' runc:\n  Version:          1.3.3', ' Storage Driver: overlay2', ' Cgroup Driver: systemd', ' Cgroup Version: 2', ' Runtimes: io.containerd.runc.v2 runc', ' Default Runtime: runc', ' Kernel Version: 6.12.48+deb13-amd64', ' Docker Root Dir: /var/lib/docker', ' CPUs: 4']) {
      expect(r.out).toContain(s);
    }
  });

  it('ps -a: newest first, quoted and cut COMMAND, Exited status', async () => {
    const h = dockerHost();
    const r = await h.sh(`docker run --name first alpine true; docker run --name second alpine sh -c 'echo hi > /etc/hello'; docker ps -a`);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                              PORTS     NAMES$/);
    expect(lines[1]).toMatch(/^[0-9a-f]{12}   alpine    "sh -c 'echo hi > \/e…"   Less than a second ago   Exited \(0\) Less than a second ago             second$/);
    expect(lines[2]).toMatch(/ "true" .* first$/);
  });

  it('diff lists the RW layer sorted (docker diff, facts §11)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name c1 alpine sh -c "echo hi > /etc/hello; echo x >> /etc/motd"; docker diff c1');
    expect(r.out).toBe('C /etc\nA /etc/hello\nC /etc/motd\n');
  });

  it('default hostname is the first 12 hex of the ID (facts §4.5); --hostname overrides', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name h1 alpine hostname; docker inspect -f "{{.Id}}" h1; docker run -h web alpine hostname');
    const [host, id, named] = r.out.trim().split('\n');
    expect(host).toBe(id.slice(0, 12));
    expect(named).toBe('web');
  });

  it.each([
    ['-m 64m', 'memory.max', '67108864'],
    ['--cpus 0.5', 'cpu.max', '50000 100000'],
    ['--cpus 2', 'cpu.max', '200000 100000'],
    ['--pids-limit 10', 'pids.max', '10'],
    ['', 'memory.max', 'max'],
  ])('docker run %s writes %s (facts §4.2)', async (flags, file, value) => {
    const h = dockerHost();
    const r = await h.sh(`docker run -d --name ctr ${flags} shop/app:1.0`);
    const id = r.out.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(toText(h.login.readFile(`/sys/fs/cgroup/system.slice/docker-${id}.scope/${file}`)).trim()).toBe(value);
  });

  it('stop waits 10 s of virtual time then SIGKILLs a PID 1 without a TERM handler: 137 (facts §4.5, §5.2)', async () => {
    const h = dockerHost();
    await h.sh('docker run -d --name web shop/app:1.0');
    const t0 = h.kernel.clock.now;
    const r = await h.sh('docker stop web; docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" web');
    expect(r.out).toBe('web\nexited 137\n');
    expect(h.kernel.clock.now - t0).toBeGreaterThanOrEqual(10_000_000);
  });

  it('two containers listen on the same port in their own network namespaces (port-conflict)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name web1 shop/app:1.0 >/dev/null; docker run -d --name web2 shop/app:1.0 >/dev/null; docker ps --format "{{.Names}} {{.Status}}"');
    expect(r.out).toBe('web2 Up Less than a second\nweb1 Up Less than a second\n');
    expect(r.err).toContain('Status: Downloaded newer image');
  });

  it('system df counts the shared image once however many containers (shared-disk)', async () => {
    const h = dockerHost();
    const r = await h.sh('for i in 1 2 3 4 5; do docker run -d shop/app:1.0 >/dev/null; done; docker system df');
    expect(r.out).toMatch(/^TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\nImages          1         1         1\.224GB   0B \(0%\)\nContainers      5         5         0B        0B\nLocal Volumes   0         0         0B        0B\nBuild Cache     0         0         0B        0B\n$/);
  });

  it('commit makes a layer holding only the difference (commit-diff)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name cc alpine sh -c "echo hello > /greeting"; docker commit cc greet:1 >/dev/null; docker history greet:1; docker run --rm greet:1 sh -c "read l < /greeting; echo \\$l"');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT$/);
    expect(lines[1]).toMatch(/^[0-9a-f]{12}   Less than a second ago   sh -c echo hello > \/greeting                    6B        $/);
    expect(lines[2]).toMatch(/^<missing>      .*CMD \["\/bin\/sh"\]/);
    expect(r.out).toContain('\nhello\n');
  });

  it('inspect shows GraphDriver.Data host paths and the State (facts §3.3)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name cc alpine true; docker inspect cc');
    const [obj] = JSON.parse(r.out) as [{ GraphDriver: { Name: string; Data: Record<string, string> }; State: { Status: string }; Name: string }];
    expect(obj.Name).toBe('/cc');
    expect(obj.State.Status).toBe('exited');
    expect(obj.GraphDriver.Name).toBe('overlay2');
    expect(obj.GraphDriver.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(obj.GraphDriver.Data.LowerDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}-init\/diff:\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(r.out.startsWith('[\n    {\n        "Id": "')).toBe(true);
  });

  it('build: RUN makes a layer, a rebuild hits the cache (legacy builder output)', async () => {
    const h = dockerHost();
    h.disk.mkdir('/root/app', 0o755);
    h.disk.write('/root/app/Dockerfile', new TextEncoder().encode('FROM alpine:3.22\nRUN echo built > /built\nCOPY hello.txt /app/\nCMD ["sh", "-c", "read l < /built; echo $l"]\n'));
    h.disk.write('/root/app/hello.txt', new TextEncoder().encode('hi\n'));
    const r1 = await h.sh('docker build -t app:1 /root/app');
    expect(r1.err).toContain('DEPRECATED: The legacy builder is deprecated');
    expect(r1.out).toMatch(/^Sending build context to Docker daemon  \S+\nStep 1\/4 : FROM alpine:3\.22\n/);
    expect(r1.out).toMatch(/Step 2\/4 : RUN echo built > \/built\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\n/);
    expect(r1.out).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app:1\n$/);
    const r2 = await h.sh('docker build -t app:1 /root/app; docker run --rm app:1; docker run --rm app:1 sh -c "read l < /app/hello.txt; echo \\$l"; docker images');
    expect(r2.out).toMatch(/Step 2\/4 : RUN echo built > \/built\n ---> Using cache\n/);
    expect(r2.out).toContain('built\nhi\n');
    expect(r2.out).not.toContain('<none>');
  });

  it('build from stdin; a failing RUN stops the build with the builder\'s message', async () => {
    const h = dockerHost();
    const r = await h.sh(`printf 'FROM alpine\\nRUN echo hi\\n' | docker build -q -t ok:1 -; echo "st=$?"; printf 'FROM alpine\\nRUN false\\n' | docker build -t bad:1 -; echo "st=$?"`);
    expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\nst=0\n/);
    expect(r.out).toContain('Step 2/2 : RUN false\n ---> Running in ');
    expect(r.out).toMatch(/st=1\n$/);
    expect(r.err).toContain("The command '/bin/sh -c false' returned a non-zero code: 1\n");
  });

  it('exec runs in the container; a missing program is the OCI exec error', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -d --name web shop/app:1.0 >/dev/null; docker exec web python3 --version; docker exec web nosuch; echo "st=$?"');
    expect(r.out).toBe('Python 3.12.3\nst=126\n');
    expect(r.err).toContain('OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\n');
  });

  it('a one-letter name is refused (moby validContainerNamePattern needs two characters)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker create --name b alpine');
    expect(r.err).toContain('docker: Error response from daemon: Invalid container name (b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n');
  });

  it('-e, -w and --entrypoint reach PID 1 (docker run reference)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run -e FOO=bar -w /tmp --entrypoint sh alpine -c "echo \\$FOO; pwd"');
    expect(r.out).toBe('bar\n/tmp\n');
  });

  it('the container mount table follows Docker\'s spec order (moby oci/defaults.go)', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --rm alpine mount');
    expect(r.out.split('\n').map((l) => l.split(' ').slice(0, 5).join(' '))).toEqual([
      'overlay on / type overlay', 'proc on /proc type proc', 'tmpfs on /dev type tmpfs', 'devpts on /dev/pts type devpts',
      'sysfs on /sys type sysfs', 'cgroup on /sys/fs/cgroup type cgroup2', 'mqueue on /dev/mqueue type mqueue', 'shm on /dev/shm type tmpfs',
      '/dev/sda1 on /etc/resolv.conf type ext4', '/dev/sda1 on /etc/hostname type ext4', '/dev/sda1 on /etc/hosts type ext4', '',
    ]);
    expect(r.out).toMatch(/^overlay on \/ type overlay \(rw,relatime,.*lowerdir=\/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26}:\/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26},upperdir=\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff,workdir=/);
  });

  it('network and volume tables', async () => {
    const h = dockerHost();
    const r = await h.sh('docker network create app >/dev/null; docker network ls --format x >/dev/null; docker network ls; docker volume create data; docker volume ls');
    expect(r.out).toMatch(/^NETWORK ID     NAME      DRIVER    SCOPE\n[0-9a-f]{12}   app       bridge    local\n[0-9a-f]{12}   bridge    bridge    local\n[0-9a-f]{12}   host      host      local\n[0-9a-f]{12}   none      null      local\ndata\nDRIVER    VOLUME NAME\nlocal     data\n$/);
  });
});
