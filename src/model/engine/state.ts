/**
 * Container lifecycle as closed unions. The OCI runtime spec (runtime.md,
 * facts §4.3) names creating/created/running/stopped; runc adds paused
 * (libcontainer/container.go, facts §4.4). Docker's API reports
 * State.Status as created/running/paused/restarting/removing/exited/dead
 * (api/types/container/state.go). One table of allowed moves, one assert.
 */

/** runtime-spec runtime.md "State": status values, plus runc's paused. */
export type OciStatus = 'creating' | 'created' | 'running' | 'paused' | 'stopped';

/** Docker's State.Status (moby api/types/container: ContainerState). */
export type DockerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** Moves the engine may make; anything else is a bug in the engine, not a user error. */
const ALLOWED: Readonly<Record<DockerStatus, readonly DockerStatus[]>> = {
  created: ['running', 'removing', 'exited', 'dead'],
  running: ['paused', 'exited', 'restarting', 'dead'],
  paused: ['running', 'exited', 'dead'],
  restarting: ['running', 'exited', 'dead'],
  exited: ['running', 'removing', 'dead', 'restarting'],
  removing: ['dead'],
  dead: ['removing'],
};

/** Throws if `from → to` is not a lifecycle move Docker makes. */
export function assertTransition(from: DockerStatus, to: DockerStatus): void {
  if (!ALLOWED[from].includes(to)) {
    throw new Error(`container state: illegal transition ${from} -> ${to}`);
  }
}

/** The OCI status runc would report for a Docker status (`runc state`). */
export function ociStatusOf(s: DockerStatus): OciStatus {
  switch (s) {
    case 'created':
      return 'created';
    case 'running':
    case 'restarting':
      return 'running';
    case 'paused':
      return 'paused';
    case 'removing':
    case 'exited':
    case 'dead':
      return 'stopped';
  }
}

/** Docker's State object (inspect .State), with Go's zero time for unset times. */
export interface ContainerState {
  status: DockerStatus;
  running: boolean;
  paused: boolean;
  restarting: boolean;
  oomKilled: boolean;
  dead: boolean;
  pid: number;
  exitCode: number;
  error: string;
  /** Virtual realtime µs; 0 = never (Go's 0001-01-01T00:00:00Z). */
  startedAt: number;
  finishedAt: number;
}

/** A freshly created container's state (`docker create`). */
export function initialState(): ContainerState {
  return { status: 'created', running: false, paused: false, restarting: false, oomKilled: false, dead: false, pid: 0, exitCode: 0, error: '', startedAt: 0, finishedAt: 0 };
}

/** Move `st` to `to`, keeping the boolean mirrors (Running, Paused…) consistent. */
export function transition(st: ContainerState, to: DockerStatus): void {
  assertTransition(st.status, to);
  st.status = to;
  st.running = to === 'running' || to === 'paused' || to === 'restarting';
  st.paused = to === 'paused';
  st.restarting = to === 'restarting';
  st.dead = to === 'dead';
}
