import { describe, expect, it } from 'vitest';
import { completeDocker } from './complete.ts';
import { dockerHost } from './testing.ts';

// docker's bash completion (contrib/completion/bash/docker), reduced.
describe('completeDocker', () => {
  it.each([
    [['docker'], '', 'run'],
    [['docker', 'run'], '--', '--rm'],
    [['docker', 'system'], '', 'df'],
  ])('%j %s offers %s', (words, current, want) => {
    const h = dockerHost();
    expect(completeDocker({ words, current, sys: h.login })).toContain(want);
  });
  it('offers container names and image tags from the daemon', async () => {
    const h = dockerHost();
    await h.sh('docker run --name web1 alpine true');
    expect(completeDocker({ words: ['docker', 'rm'], current: '', sys: h.login })).toEqual(['web1']);
    expect(completeDocker({ words: ['docker', 'run'], current: '', sys: h.login })).toContain('alpine:latest');
  });
});
