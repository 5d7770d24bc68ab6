/** Commands owned by this folder; merged into the registry by ../index.ts. */
import type { Command } from '../../types.ts';
import { registerCompleter } from '../../completers.ts';
import { docker } from './docker.ts';
import { IMAGE_PROGRAMS } from './image-programs.ts';
import { completeDocker } from './complete.ts';

/** Programs this folder registers: the docker client and the built-in images' programs. */
export const commands: Command[] = [docker, ...IMAGE_PROGRAMS];

registerCompleter('docker', completeDocker);
