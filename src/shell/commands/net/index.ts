/** Commands that reach other machines of the World. */
import type { Command } from "../../types.ts";
import { ssh } from "./ssh.ts";

export const commands: Command[] = [ssh];
