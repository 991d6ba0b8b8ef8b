import type WebSocket from 'ws';
import { LxdApiError, type LxdClient, type LxdOperation } from '../../engines/lxd/client';
import { ConsoleError } from '../errors';
import { BackendSignals } from './backend-signals';
import type { BackendExit, ConsoleBackend } from './types';

export interface LxdExecOptions {
  cols: number;
  rows: number;
  /** Preferred shell (from the template); when the instance lacks it: bash, then sh. */
  shell?: string;
}

interface ExecFds {
  fds?: Record<string, string>;
}

/**
 * An interactive shell in a system container (`lxc exec NAME -- sh` over the API): an exec with a
 * pty whose stream fd "0" carries terminal bytes both ways, and a control websocket for window
 * size and signals. Fails with a `not-running` or `no-shell` ConsoleError the UI puts into words.
 */
export async function lxdExecBackend(
  client: LxdClient,
  name: string,
  options: LxdExecOptions,
): Promise<ConsoleBackend> {
  const base = `/1.0/instances/${encodeURIComponent(name)}`;
  // The instance's own record says whether it runs; its /state (disk, network, memory) takes LXD
  // ~100 ms to gather.
  const running = async () => (await client.get<{ status: string }>(base)).status === 'Running';
  if (!(await running()))
    throw new ConsoleError(
      'not-running',
      `The container ${name} is not running. Start it, then open its console again.`,
      { container: name },
    );

  // Exit codes are enough to probe: an exec without websockets reports what its command returned,
  // and fails outright ("Command not found") for a program the instance does not have. Its output
  // is not kept, so the choice is made from exit codes alone (see pickShell).
  const exitCodeOf = async (command: string[]) => {
    const done = await client
      .act('POST', `${base}/exec`, {
        command,
        'wait-for-websocket': false,
        interactive: false,
        'record-output': false,
      })
      .catch((error: unknown) => {
        if (error instanceof LxdApiError && error.status !== 0) return undefined;
        throw error;
      });
    const code = done?.metadata?.['return'];
    return typeof code === 'number' ? code : 127;
  };
  const choice = await pickShell(exitCodeOf, options.shell);
  if (!choice)
    throw new ConsoleError(
      'no-shell',
      `The system container ${name} has no shell (bash or sh), so there is nothing to type into. Use an image that includes a shell.`,
      { image: name, container: name },
    );

  const { path, operation } = await client.start('POST', `${base}/exec`, {
    command: [choice.shell],
    environment: { TERM: 'xterm-256color', HOME: '/root', USER: 'root' },
    'wait-for-websocket': true,
    interactive: true,
    width: options.cols,
    height: options.rows,
  });
  const fds = (operation.metadata as ExecFds | null)?.fds ?? {};
  const join = (fd: string) =>
    client.websocket(`${path}/websocket?secret=${encodeURIComponent(fds[fd] ?? '')}`);
  const [stream, control] = await Promise.all([opened(join('0')), opened(join('control'))]);

  const signals = new BackendSignals();
  let disposing = false;
  stream.on('message', (data: Buffer) => signals.data(data));
  stream.on('error', () => undefined); // close follows
  control.on('error', () => undefined);
  stream.on('close', () => {
    control.close();
    if (disposing) signals.exit({ kind: 'exited', exitCode: null });
    else void classifyEnd().then((exit) => signals.exit(exit));
  });

  /** Did the shell end by itself, or did the container stop or the daemon go away? */
  async function classifyEnd(): Promise<BackendExit> {
    try {
      const done: LxdOperation = await client.wait(path, 10);
      if (!(await running())) return { kind: 'lost', message: `The container ${name} stopped or restarted.` };
      const code = done.metadata?.['return'];
      return { kind: 'exited', exitCode: typeof code === 'number' ? code : null };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'lost', message: `Lost the container ${name}: LXD did not answer (${reason}).` };
    }
  }

  const sendControl = (message: object) => {
    if (control.readyState === control.OPEN) control.send(JSON.stringify(message));
  };
  return {
    description: `${choice.shell} in ${name}`,
    write: (data) => {
      if (stream.readyState === stream.OPEN) stream.send(Buffer.from(data, 'utf8'));
    },
    resize: (cols, rows) =>
      sendControl({ command: 'window-resize', args: { width: String(cols), height: String(rows) } }),
    pause: () => stream.pause(),
    resume: () => stream.resume(),
    onData: (listener) => signals.onData(listener),
    onExit: (listener) => signals.onExit(listener),
    async dispose() {
      if (disposing) return;
      disposing = true;
      // SIGHUP, as a closing terminal sends: the shell ends and takes its foreground job along.
      sendControl({ command: 'signal', signal: 1 });
      stream.close();
      control.close();
    },
  };
}

function opened(socket: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * The template's shell when the instance has it, else bash, else sh — in as few execs as exit codes
 * allow (each costs a round trip before the prompt): one `sh -c` answers for both bash and sh.
 */
async function pickShell(
  exitCodeOf: (command: string[]) => Promise<number>,
  preferred: string | undefined,
): Promise<{ shell: string } | undefined> {
  if (preferred && (await exitCodeOf([preferred, '-c', 'exit 0'])) === 0) return { shell: preferred };
  // Exit codes of its own: `command -v` answers 1 or 127 for a missing program, depending on the sh.
  const bashThroughSh = await exitCodeOf(['sh', '-c', 'command -v bash >/dev/null 2>&1 && exit 10; exit 11']);
  if (bashThroughSh === 10) return { shell: 'bash' };
  if (bashThroughSh === 11) return { shell: 'sh' };
  return (await exitCodeOf(['bash', '-c', 'exit 0'])) === 0 ? { shell: 'bash' } : undefined;
}
