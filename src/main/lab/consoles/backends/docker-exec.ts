import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type Docker from 'dockerode';
import { ConsoleError } from '../errors';
import { chooseShell, type ProbeRunner } from '../shell-choice';
import { BackendSignals } from './backend-signals';
import { PidMarkerReader, pidReportingLaunch } from './pid-marker';
import type { BackendExit, ConsoleBackend } from './types';

export interface DockerExecOptions {
  cols: number;
  rows: number;
  /** Preferred shell (e.g. from the template); when the image lacks it: bash, then sh. */
  shell?: string;
  /** Extra `NAME=value` variables for the shell. */
  env?: string[];
  user?: string;
}

export interface DockerExecBackend extends ConsoleBackend {
  /** The shell that runs, as the probe found it (`/bin/bash`, `sh`, …). */
  readonly shell: string;
  readonly containerId: string;
}

/** Probes are tiny; one that takes longer than this finds a daemon in trouble. */
const probeTimeoutMs = 10_000;
const maxProbeOutput = 4096;
/** After a kill-looking exit, how long to wait before asking again whether the container stopped. */
const settleMs = 500;

/**
 * An interactive shell in a running container (`docker exec -it` over the API): a Tty exec whose
 * hijacked connection carries raw terminal bytes both ways. Fails with a `not-running` or
 * `no-shell` ConsoleError the UI can put into words.
 */
export async function dockerExecBackend(
  docker: Docker,
  containerId: string,
  options: DockerExecOptions,
): Promise<DockerExecBackend> {
  const container = docker.getContainer(containerId);
  const details = await container.inspect();
  const name = details.Name.replace(/^\//, '') || containerId.slice(0, 12);
  if (!details.State.Running) {
    throw new ConsoleError(
      'not-running',
      `The container ${name} is not running. Start it, then open its console again.`,
      { container: name },
    );
  }
  const startedAt = details.State.StartedAt;
  const image = details.Config.Image;

  const probe: ProbeRunner = (cmd) => runToEnd(container, cmd, probeTimeoutMs);
  const choice = await chooseShell(probe, options.shell);
  if (!choice) {
    throw new ConsoleError(
      'no-shell',
      `This image has no shell (bash or sh), so its container ${name} has nothing to type into. Use an image that includes a shell, for example one based on BusyBox, Alpine or Debian. Image: ${image}.`,
      { image, container: name },
    );
  }

  const exec = await container.exec({
    // Through sh when there is one, so the shell's pid is known and dispose can end it.
    Cmd: choice.hasSh ? ['sh', '-c', pidReportingLaunch, choice.shell] : [choice.shell],
    Tty: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Env: ['TERM=xterm-256color', ...(options.env ?? [])],
    ...(options.user !== undefined && { User: options.user }),
  });
  const socket: Duplex = await exec.start({ hijack: true, stdin: true, Tty: true });
  // API 1.41 ignores a size given at create time; the size can only be set once the exec runs.
  await exec.resize({ h: options.rows, w: options.cols }).catch(() => undefined);

  const signals = new BackendSignals();
  const marker = new PidMarkerReader();
  let disposing = false;
  let streamError: string | undefined;

  socket.on('data', (chunk: Buffer) => {
    const out = marker.read(chunk);
    if (out && out.length > 0) signals.data(out);
  });
  socket.on('end', () => {
    const rest = marker.end();
    if (rest) signals.data(rest);
  });
  socket.on('error', (error: Error) => {
    streamError = error.message;
  });
  socket.on('close', () => {
    if (disposing) {
      signals.exit({ kind: 'exited', exitCode: null });
      return;
    }
    void classifyEnd().then((exit) => signals.exit(exit));
  });

  /** Did the shell end by itself, or did the container stop or restart, or the daemon go away? */
  async function classifyEnd(): Promise<BackendExit> {
    const guestGone: BackendExit = { kind: 'lost', message: `The container ${name} stopped or restarted.` };
    try {
      const sameRun = async () => {
        const { State } = await container.inspect();
        return State.Running && State.StartedAt === startedAt;
      };
      if (!(await sameRun())) return guestGone;
      const { ExitCode } = await exec.inspect();
      // Killed by a signal while the container still looks up: a stop may be under way; look again.
      if (ExitCode === null || ExitCode >= 128) {
        await delay(settleMs);
        if (!(await sameRun())) return guestGone;
      }
      return { kind: 'exited', exitCode: ExitCode };
    } catch (error) {
      const reason = streamError ?? (error instanceof Error ? error.message : String(error));
      return { kind: 'lost', message: `Lost the container ${name}: Docker did not answer (${reason}).` };
    }
  }

  // Resizes come in bursts while a window is dragged: keep one request in flight, send the latest.
  let wantedSize: { h: number; w: number } | undefined;
  let resizing = false;
  async function sendResizes(): Promise<void> {
    resizing = true;
    for (let size = wantedSize; size; size = wantedSize) {
      wantedSize = undefined;
      await exec.resize(size).catch(() => undefined);
    }
    resizing = false;
  }

  return {
    description: `${choice.shell} in ${name}`,
    shell: choice.shell,
    containerId,
    write: (data) => {
      if (socket.writable) socket.write(data);
    },
    resize: (cols, rows) => {
      wantedSize = { h: rows, w: cols };
      if (!resizing && !signals.exited) void sendResizes();
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    onData: (listener) => signals.onData(listener),
    onExit: (listener) => signals.onExit(listener),
    async dispose() {
      if (disposing) return;
      disposing = true;
      const pid = marker.pid;
      if (!signals.exited && pid !== undefined) {
        // SIGHUP, as a closing terminal would send: the shell ends and takes its foreground job along.
        await runToEnd(container, ['sh', '-c', `kill -HUP ${pid}`], probeTimeoutMs).catch(() => undefined);
      }
      socket.destroy();
    },
  };
}

/** Runs a command in the container without stdin; its exit code and (capped) output. */
async function runToEnd(
  container: Docker.Container,
  cmd: string[],
  timeoutMs: number,
): Promise<{ exitCode: number | null; output: string }> {
  const deadline = AbortSignal.timeout(timeoutMs);
  // A Tty exec sends plain bytes, not the multiplexed stdout/stderr frames.
  const exec = await container.exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    abortSignal: deadline,
  });
  const stream = await exec.start({ Tty: true, abortSignal: deadline });
  const output = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      stream.destroy();
      reject(new Error(`${cmd[0] ?? 'command'} did not finish within ${timeoutMs} ms`));
    };
    deadline.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      if (size < maxProbeOutput) chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('error', reject);
    stream.on('close', () => {
      deadline.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
  // The stream can close a moment before dockerd records the exit code.
  let info = await exec.inspect();
  for (let tries = 0; info.Running && tries < 40 && !deadline.aborted; tries++) {
    await delay(25);
    info = await exec.inspect();
  }
  return { exitCode: info.Running ? null : info.ExitCode, output };
}
