/**
 * Tab completion for the docker CLI (what docker's bash completion offers,
 * reduced): subcommands, the flags of run/create/exec/ps…, container names
 * for container commands and image references for image commands, read from
 * the daemon over its socket like the real completion script asks `docker`.
 */
import type { CompletionRequest } from '../../completers.ts';
import { Daemon } from '../../../model/engine/daemon.ts';
import { DOCKER_SOCKET } from '../../../model/engine/install.ts';
import { CREATE_FLAGS } from './run.ts';

const SUBCOMMANDS = ['build', 'commit', 'container', 'create', 'diff', 'exec', 'history', 'image', 'images', 'info', 'inspect', 'kill', 'load', 'logs', 'network', 'pause', 'port', 'ps', 'pull', 'push', 'rename', 'restart', 'rm', 'rmi', 'run', 'save', 'start', 'stats', 'stop', 'system', 'tag', 'top', 'unpause', 'version', 'volume', 'wait'];
const CONTAINER_CMDS = new Set(['start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'rename', 'wait', 'inspect', 'diff', 'commit', 'logs', 'exec', 'top', 'port', 'stats']);
const IMAGE_CMDS = new Set(['run', 'create', 'rmi', 'history', 'tag', 'push', 'save', 'inspect']);
const FLAGS: Record<string, readonly string[]> = {
  run: ['--detach', '-d', ...CREATE_FLAGS.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])])],
  create: CREATE_FLAGS.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  ps: ['--all', '-a', '--quiet', '-q', '--size', '-s', '--no-trunc', '--format', '--filter', '-f', '--latest', '-l'],
  exec: ['--interactive', '-i', '--tty', '-t', '--detach', '-d', '--env', '-e', '--workdir', '-w', '--user', '-u'],
  rm: ['--force', '-f', '--volumes', '-v'],
  stop: ['--time', '-t', '--signal', '-s'],
  kill: ['--signal', '-s'],
  build: ['--tag', '-t', '--file', '-f', '--no-cache', '--quiet', '-q'],
  images: ['--all', '-a', '--quiet', '-q', '--no-trunc', '--digests', '--format'],
  inspect: ['--format', '-f', '--type', '--size', '-s'],
  logs: ['--follow', '-f', '--tail', '-n', '--timestamps', '-t'],
  stats: ['--no-stream', '--all', '-a'],
  system: ['df', 'info'],
  network: ['create', 'inspect', 'ls', 'rm'],
  volume: ['create', 'inspect', 'ls', 'rm'],
  container: ['ls', 'rm', 'run', 'create', 'start', 'stop', 'restart', 'kill', 'inspect', 'diff', 'commit', 'logs', 'exec', 'top', 'port', 'stats', 'prune'],
  image: ['ls', 'rm', 'history', 'tag', 'pull', 'push', 'inspect', 'save', 'load', 'build'],
};

function daemonFor(req: CompletionRequest): Daemon | undefined {
  try {
    const d = req.sys.connect(DOCKER_SOCKET);
    return d instanceof Daemon ? d : undefined;
  } catch {
    return undefined;
  }
}

/** Candidates for `docker …` at the cursor; undefined falls back to file names (docker build PATH). */
export function completeDocker(req: CompletionRequest): readonly string[] | undefined {
  const words = req.words;
  if (words.length <= 1) return SUBCOMMANDS;
  const sub = words[1];
  if (req.current.startsWith('-')) return FLAGS[sub] ?? ['--help'];
  if (words.length === 2 && ['system', 'network', 'volume', 'container', 'image'].includes(sub)) return FLAGS[sub];
  if (sub === 'build' || sub === 'load' || sub === 'save' && words.includes('-o')) return undefined;
  const d = daemonFor(req);
  if (!d) return [];
  const out: string[] = [];
  if (CONTAINER_CMDS.has(sub)) for (const c of d.list(true)) out.push(c.name);
  if (IMAGE_CMDS.has(sub)) for (const i of d.images.list()) out.push(...i.repoTags);
  return out;
}
