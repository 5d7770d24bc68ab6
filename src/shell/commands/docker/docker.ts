/**
 * The `docker` client (docker/cli): a program on the host that connects to
 * dockerd's socket and calls its API (facts §4, claim client-server). It
 * dispatches subcommands and the management forms (`docker container ls`,
 * `docker image rm`, …) to one file per family.
 */
import type { Command, CommandContext } from '../../types.ts';
import { connectDaemon, NO_DAEMON, type Sub } from './cli.ts';
import { ENGINE_VERSION } from '../../../model/engine/daemon.ts';
import { create, run } from './run.ts';
import { ps } from './ps.ts';
import { kill, pause, rename, restart, rm, start, stop, unpause, wait } from './lifecycle.ts';
import { commit, diff, inspect, inspectOf, logs } from './inspect.ts';
import { history, images, rmi, tag } from './images.ts';
import { pull, push } from './pull.ts';
import { info, systemDf, version } from './system.ts';
import { EXTRA } from './extra.ts';
import { prune } from './prune.ts';
import { SUB_HELP } from './help.ts';

/** Built on first use, so an import cycle through the command registry never sees half-initialised modules. */
function subs(): Record<string, Sub> {
  return {
    run, create, start, stop, restart, kill, pause, unpause, rm, rename, wait, ps,
    inspect, diff, commit, logs, images, history, rmi, tag, pull, push, ...EXTRA,
    'image-inspect': inspectOf('image'), 'container-inspect': inspectOf('container'),
  };
}

/** Management commands: `docker container ls` = `docker ps`, etc. */
const MANAGEMENT: Record<string, Record<string, string>> = {
  container: { ls: 'ps', list: 'ps', ps: 'ps', rm: 'rm', remove: 'rm', run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', kill: 'kill', pause: 'pause', unpause: 'unpause', inspect: 'container-inspect', diff: 'diff', commit: 'commit', logs: 'logs', exec: 'exec', cp: 'cp', top: 'top', port: 'port', stats: 'stats', rename: 'rename', wait: 'wait' },
  image: { ls: 'images', list: 'images', rm: 'rmi', remove: 'rmi', history: 'history', tag: 'tag', pull: 'pull', push: 'push', inspect: 'image-inspect', save: 'save', load: 'load', build: 'build' },
};

/** `docker --help` text (docker/cli's usage, the commands the model has). */
export const DOCKER_HELP = `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  push        Upload an image to a registry
  images      List images
  version     Show the Docker version information
  info        Display system-wide information

Management Commands:
  container   Manage containers
  image       Manage images
  network     Manage networks
  system      Manage Docker
  volume      Manage volumes

Commands:
  commit      Create a new image from a container's changes
  cp          Copy files/folders between a container and the local filesystem
  create      Create a new container
  diff        Inspect changes to files or directories on a container's filesystem
  history     Show the history of an image
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  load        Load an image from a tar archive or STDIN
  logs        Fetch the logs of a container
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  save        Save one or more images to a tar archive (streamed to STDOUT by default)
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers
  wait        Block until one or more containers stop, then print their exit codes

Run 'docker COMMAND --help' for more information on a command.
`;

/** Subcommand names, for tab completion. */
export function dockerSubcommands(): string[] {
  return [...Object.keys(subs()), 'version', 'info', 'system', 'container', 'image', 'network', 'volume'].sort();
}

async function main(ctx: CommandContext): Promise<number> {
  let args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout.write(`Docker version ${ENGINE_VERSION.version}, build ${ENGINE_VERSION.clientCommit}\n`);
    return 0;
  }
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    ctx.stdout.write(DOCKER_HELP);
    return 0;
  }
  let name = args[0];
  args = args.slice(1);
  if (name === 'version') return version(ctx);
  if (name === 'info') return info(ctx);
  const mgmt = MANAGEMENT[name];
  if ((mgmt || name === 'system') && args[0] === 'prune') {
    const d = connectDaemon(ctx);
    if (!d) {
      ctx.stderr.write(`${NO_DAEMON}\n`);
      return 1;
    }
    return prune(ctx, d, name as 'container' | 'image' | 'system', args.slice(1));
  }
  if (mgmt) {
    const sub = args[0];
    if (!sub || !mgmt[sub]) {
      ctx.stderr.write(sub ? `docker: unknown command: docker ${name} ${sub}\n\nRun 'docker ${name} --help' for more information\n` : `Usage:  docker ${name} COMMAND\n\nRun 'docker ${name} COMMAND --help' for more information on a command.\n`);
      return sub ? 1 : 0;
    }
    name = mgmt[sub];
    args = args.slice(1);
  }
  if (name === 'system') {
    const sub = args[0];
    if (sub === 'info') return info(ctx);
    if (sub !== 'df') {
      ctx.stderr.write(`docker: unknown command: docker system ${sub ?? ''}\n\nRun 'docker system --help' for more information\n`);
      return 1;
    }
  }
  if (args.includes('--help') && SUB_HELP[name]) {
    ctx.stdout.write(SUB_HELP[name]);
    return 0;
  }
  const fn = name === 'system' ? undefined : subs()[name];
  if (!fn && name !== 'system') {
    ctx.stderr.write(`docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  const d = connectDaemon(ctx);
  if (!d) {
    ctx.stderr.write(`${name === 'run' || name === 'create' ? 'docker: ' : ''}${NO_DAEMON}\n${name === 'run' || name === 'create' ? `\nRun 'docker ${name} --help' for more information\n` : ''}`);
    return name === 'run' || name === 'create' ? 125 : 1;
  }
  if (name === 'system') return systemDf(ctx, d, args.slice(1));
  return (fn as Sub)(ctx, d, args);
}

/** The docker CLI program. */
export const docker: Command = {
  name: 'docker',
  summary: 'the Docker client: talks to dockerd over /var/run/docker.sock',
  help: DOCKER_HELP,
  run: main,
};
