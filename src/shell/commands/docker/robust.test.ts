/**
 * Odd and wrong uses of the docker CLI end in Docker's own messages with a
 * non-zero status, never a JavaScript error (BRIEF: errors in the tools' words).
 */
import { describe, expect, it } from 'vitest';
import { dockerHost } from './testing.ts';

const SCRIPTS = [
  'docker', 'docker run', 'docker run -d', 'docker run --memory lots alpine', 'docker run --cpus x alpine', 'docker run -p 99999:1 alpine',
  'docker run -v nope alpine', 'docker run --cap-add BOGUS alpine', 'docker run --network nonet alpine', 'docker exec', 'docker exec nope ls',
  'docker stop', 'docker stop nope', 'docker kill -s FOO nope', 'docker inspect', 'docker inspect nope', 'docker inspect -f "{{.Nope.Deeper}}" nope',
  'docker logs nope', 'docker diff nope', 'docker commit nope', 'docker history nope', 'docker rmi nope', 'docker tag nope x', 'docker pull nope/nothing',
  'docker push nope', 'docker save nope', 'docker load', 'docker load -i /nope.tar', 'docker build', 'docker build /nope', 'docker network rm bridge',
  'docker network rm nope', 'docker volume rm nope', 'docker container frob', 'docker image', 'docker system frob', 'docker rename nope x',
  'docker pause nope', 'docker unpause nope', 'docker port nope', 'docker top nope', 'docker stats nope', 'docker wait nope', 'docker start nope',
  'docker restart nope', 'docker create', 'docker run alpine /nope/bin', 'docker ps --format "{{.Bogus"', 'docker images --format "{{foo .ID}}"',
];

describe('docker CLI misuse', () => {
  it.each(SCRIPTS)('%s', async (script) => {
    const h = dockerHost();
    const r = await h.sh(`docker pull -q alpine >/dev/null 2>&1; ${script}`);
    expect(r.err + r.out).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError|\bat \S+ \(|undefined|\[object Object\]/);
    if (script !== 'docker' && script !== 'docker image') expect(r.status).not.toBe(0);
  });
});
