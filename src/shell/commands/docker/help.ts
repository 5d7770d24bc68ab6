/** `docker SUBCOMMAND --help`: the usage line and summary docker/cli prints (options abridged to the ones the model has). */
const H = (usage: string, what: string, opts = ''): string => `\nUsage:  docker ${usage}\n\n${what}\n${opts ? `\nOptions:\n${opts}` : ''}`;

/** Usage text per subcommand, printed for `docker SUB --help`. */
export const SUB_HELP: Readonly<Record<string, string>> = {
  run: H('run [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create and run a new container from an image', `      --cap-add list          Add Linux capabilities
      --cap-drop list         Drop Linux capabilities
      --cpus decimal          Number of CPUs
  -d, --detach                Run container in background and print container ID
      --entrypoint string     Overwrite the default ENTRYPOINT of the image
  -e, --env list              Set environment variables
  -h, --hostname string       Container host name
  -i, --interactive           Keep STDIN open even if not attached
  -l, --label list            Set meta data on a container
  -m, --memory bytes          Memory limit
      --name string           Assign a name to the container
      --network network       Connect a container to a network
      --pids-limit int        Tune container pids limit (set -1 for unlimited)
      --privileged            Give extended privileges to this container
  -p, --publish list          Publish a container's port(s) to the host
      --rm                    Automatically remove the container and its associated anonymous volumes when it exits
  -t, --tty                   Allocate a pseudo-TTY
  -v, --volume list           Bind mount a volume
  -w, --workdir string        Working directory inside the container
`),
  create: H('create [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container'),
  exec: H('exec [OPTIONS] CONTAINER COMMAND [ARG...]', 'Execute a command in a running container', `  -d, --detach               Detached mode: run command in the background
  -e, --env list             Set environment variables
  -i, --interactive          Keep STDIN open even if not attached
  -t, --tty                  Allocate a pseudo-TTY
  -w, --workdir string       Working directory inside the container
`),
  ps: H('ps [OPTIONS]', 'List containers', `  -a, --all             Show all containers (default shows just running)
  -f, --filter filter   Filter output based on conditions provided
      --format string   Format output using a custom template
  -l, --latest          Show the latest created container (includes all states)
      --no-trunc        Don't truncate output
  -q, --quiet           Only display container IDs
  -s, --size            Display total file sizes
`),
  images: H('images [OPTIONS] [REPOSITORY[:TAG]]', 'List images'),
  build: H('build [OPTIONS] PATH | URL | -', 'Build an image from a Dockerfile'),
  commit: H('commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', "Create a new image from a container's changes"),
  diff: H('diff CONTAINER', "Inspect changes to files or directories on a container's filesystem"),
  history: H('history [OPTIONS] IMAGE', 'Show the history of an image'),
  inspect: H('inspect [OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects'),
  logs: H('logs [OPTIONS] CONTAINER', 'Fetch the logs of a container'),
  rm: H('rm [OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers'),
  rmi: H('rmi [OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images'),
  start: H('start [OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers'),
  stop: H('stop [OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers'),
  kill: H('kill [OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers'),
  stats: H('stats [OPTIONS] [CONTAINER...]', 'Display a live stream of container(s) resource usage statistics'),
  top: H('top CONTAINER [ps OPTIONS]', 'Display the running processes of a container'),
  pull: H('pull [OPTIONS] NAME[:TAG|@DIGEST]', 'Download an image from a registry'),
  push: H('push [OPTIONS] NAME[:TAG]', 'Upload an image to a registry'),
};
