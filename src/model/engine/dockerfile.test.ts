import { describe, expect, it } from 'vitest';
import { DockerfileError, parseDockerfile, splitWords } from './dockerfile.ts';

// Dockerfile reference (docs.docker.com/reference/dockerfile): exec vs shell form, ENV forms, continuation.
describe('parseDockerfile', () => {
  it.each([
    ['RUN echo hi', { kind: 'RUN', argv: ['/bin/sh', '-c', 'echo hi'], shellForm: true }],
    ['run ["echo","hi"]', { kind: 'RUN', argv: ['echo', 'hi'], shellForm: false }],
    ['CMD ["sh"]', { kind: 'CMD', argv: ['sh'], shellForm: false }],
    ['ENTRYPOINT /app/server --port 80', { kind: 'ENTRYPOINT', argv: ['/bin/sh', '-c', '/app/server --port 80'] }],
    ['ENV A=1 B="two words"', { kind: 'ENV', pairs: [['A', '1'], ['B', 'two words']] }],
    ['ENV A one two', { kind: 'ENV', pairs: [['A', 'one two']] }],
    ['LABEL maintainer="me"', { kind: 'LABEL', pairs: [['maintainer', 'me']] }],
    ['COPY app.sh /app/', { kind: 'COPY', sources: ['app.sh'], dest: '/app/' }],
    ['ADD --chown=1:1 a b /dst', { kind: 'ADD', sources: ['a', 'b'], dest: '/dst' }],
    ['WORKDIR /app', { kind: 'WORKDIR', path: '/app' }],
    ['EXPOSE 80 53/udp', { kind: 'EXPOSE', ports: ['80/tcp', '53/udp'] }],
  ])('%s', (line, want) => {
    const ins = parseDockerfile(`FROM alpine\n${line}\n`);
    expect(ins[1]).toMatchObject(want);
  });
  it('joins continuation lines and skips comments', () => {
    const ins = parseDockerfile('# syntax\nFROM alpine:3.22\nRUN echo a \\\n  && echo b\n');
    expect(ins.map((i) => i.kind)).toEqual(['FROM', 'RUN']);
    expect(ins[1]).toMatchObject({ argv: ['/bin/sh', '-c', 'echo a   && echo b'], line: 3 });
  });
  it.each([
    ['RUN x', 'no build stage in current context'],
    ['FROM a\nFOO bar', 'unknown instruction: FOO'],
    ['FROM a\nCOPY x', 'COPY requires at least two arguments'],
    ['', 'the Dockerfile cannot be empty'],
  ])('rejects %j', (text, msg) => {
    expect(() => parseDockerfile(text)).toThrow(DockerfileError);
    expect(() => parseDockerfile(text)).toThrow(msg);
  });
  it('splitWords honours quotes', () => expect(splitWords(`a "b c" d='e f'`)).toEqual(['a', 'b c', 'd=e f']));
});
