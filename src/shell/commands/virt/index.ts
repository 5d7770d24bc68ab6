/** Commands owned by this folder; merged into the registry by ../index.ts. */
import type { Command } from "../../types.ts";

export const commands: Command[] = [];
