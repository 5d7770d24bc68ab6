/** Commands owned by this folder; merged into the registry by ../index.ts. */
import type { Command } from '../../types.ts';
import { docker } from './docker.ts';
import { IMAGE_PROGRAMS } from './image-programs.ts';

export const commands: Command[] = [docker, ...IMAGE_PROGRAMS];
