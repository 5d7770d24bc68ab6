/** true(1), false(1) and the `:` builtin: exit 0 or 1, do nothing else. */
import type { Command } from '../../types.ts';

/** true(1): do nothing, successfully. */
export const trueCmd: Command = {
  name: 'true',
  summary: 'do nothing, successfully',
  help: 'Usage: true [ignored command line arguments]\n  or:  true OPTION\nExit with a status code indicating success.\n',
  run: async () => 0,
};

/** false(1): do nothing, unsuccessfully. */
export const falseCmd: Command = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  help: 'Usage: false [ignored command line arguments]\n  or:  false OPTION\nExit with a status code indicating failure.\n',
  run: async () => 1,
};

/** `:` (XCU 2.14 colon): expand arguments, do nothing, status 0. */
export const colon: Command = {
  name: ':',
  summary: 'null command: expand arguments and return success',
  help: ':: :\n    Null command.\n    No effect; the command does nothing.\n    Exit Status:\n    Always succeeds.\n',
  run: async () => 0,
};
