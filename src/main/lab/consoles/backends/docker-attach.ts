import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { ConsoleError } from '../errors';
import { BackendSignals } from './backend-signals';
import type { ConsoleBackend } from './types';

const noop = () => undefined;

/**
 * The container's own terminal: its main process's TTY, as `docker run -it` / `docker attach`
 * show it. Used for interactive containers (a shell as the main process). Attached before the
 * container starts, the console shows the first prompt the moment the shell prints it, with no
 * second process; typing `exit` ends the container, exactly as with `docker run -it`.
 * Detaching (dispose) leaves the container running. A stopped container is refused: dockerd would
 * accept the attach, keep what is typed and feed it to the shell at the next start.
 */
export async function dockerAttachBackend(
  docker: Docker,
  containerId: string,
  size: { cols: number; rows: number },
): Promise<ConsoleBackend> {
  const container = docker.getContainer(containerId);
  const name = containerId.slice(0, 12);
  const { State } = await container.inspect();
  if (State.Status !== 'created' && State.Status !== 'running')
    throw new ConsoleError('not-running', `The container ${name} is not running. Start it to type into it.`, {
      container: name,
    });
  const stream = (await container.attach({
    stream: true,
    stdin: true,
    stdout: true,
    stderr: true,
    hijack: true,
  })) as Duplex;
  const signals = new BackendSignals();
  let disposing = false;
  stream.on('data', (chunk: Buffer) => signals.data(chunk));
  stream.on('close', () =>
    signals.exit(
      disposing
        ? { kind: 'exited', exitCode: null }
        : { kind: 'lost', message: `The container ${name} stopped or restarted.` },
    ),
  );
  // When the container stops, dockerd ends its side of the hijacked connection but the socket stays
  // half open: input written now would wait in dockerd and run when the container starts again.
  stream.on('end', () => stream.destroy());
  stream.on('error', () => stream.destroy());
  // A container that is not running yet has no TTY to size; it gets the size once it starts.
  const setSize = (cols: number, rows: number) =>
    container.resize({ h: rows, w: cols }).then(noop, noop);
  // The viewer may resize while the redraw below is under way: its second step takes the newest size.
  let latest = { cols: size.cols, rows: size.rows };
  const resize = (cols: number, rows: number) => {
    latest = { cols, rows };
    void setSize(cols, rows);
  };
  if (State.Status === 'running' && size.rows > 1) {
    // A running shell printed its prompt before this attach and dockerd replays nothing, so a
    // reopened console would stay blank until Enter. A size change sends SIGWINCH, on which ash
    // and bash redraw the prompt with any half-typed line; unlike a newline it runs nothing and
    // feeds nothing to a program in the foreground. The same size twice would send no signal.
    void setSize(size.cols, size.rows - 1).then(() => setSize(latest.cols, latest.rows));
  } else resize(size.cols, size.rows);

  return {
    description: `attached to ${name}`,
    write: (data) => {
      if (stream.writable) stream.write(data);
    },
    resize,
    pause: () => stream.pause(),
    resume: () => stream.resume(),
    onData: (listener) => signals.onData(listener),
    onExit: (listener) => signals.onExit(listener),
    async dispose() {
      disposing = true;
      stream.destroy();
    },
  };
}
