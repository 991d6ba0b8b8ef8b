import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { DockerStreamDemuxer } from '../../engines/docker/stream-demux';
import { BackendSignals } from './backend-signals';
import type { BackendExit, ConsoleBackend } from './types';

export interface DockerLogsOptions {
  /** How many earlier lines to show first. */
  tail?: number;
}

/**
 * A container's log, followed, shown in a read-only console: `docker logs -f --timestamps`.
 * A TTY container's log is raw terminal output; any other is multiplexed stdout/stderr whose bare
 * "\n" line ends need a "\r" for the terminal.
 */
export async function dockerLogsBackend(
  docker: Docker,
  containerId: string,
  options: DockerLogsOptions = {},
): Promise<ConsoleBackend> {
  const container = docker.getContainer(containerId);
  const info = await container.inspect();
  const stream = (await container.logs({
    follow: true,
    stdout: true,
    stderr: true,
    timestamps: true,
    tail: options.tail ?? 1000,
  })) as unknown as Readable; // dockerode types the follow variant as a stream, typed loosely
  const signals = new BackendSignals();
  const toTerminal = (chunk: Buffer) =>
    signals.data(Buffer.from(chunk.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'));
  const demuxer = new DockerStreamDemuxer((_stream, payload) => toTerminal(payload));
  stream.on('data', (chunk: Buffer) => (info.Config.Tty ? signals.data(chunk) : demuxer.write(chunk)));
  let disposing = false;
  stream.on('close', () => {
    const exit: BackendExit = disposing
      ? { kind: 'exited', exitCode: null }
      : { kind: 'lost', message: `The log of ${info.Name.replace(/^\//, '')} ended: the container stopped.` };
    signals.exit(exit);
  });
  stream.on('end', () => stream.destroy());

  return {
    description: `logs of ${info.Name.replace(/^\//, '')}`,
    write: () => undefined, // read-only
    resize: () => undefined, // a log has no terminal size
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
