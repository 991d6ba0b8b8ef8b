import type WebSocket from 'ws';
import type { LxdClient } from '../../engines/lxd/client';
import { SideOutput, type SideRunResult } from './side-output';

interface ExecFds {
  fds?: Record<string, string>;
}

/**
 * `lxc exec <name> -- sh -c <command>` over the API without a pty, beside the learner's shell:
 * LXD starts the command once its stdin, stdout, stderr and control websockets are joined; stdin
 * is closed at once (EOF), stdout and stderr are kept in arrival order, the operation gives the
 * exit code. At the timeout the control socket sends SIGKILL.
 */
export async function lxdSideRun(
  client: LxdClient,
  name: string,
  command: string,
  timeoutMs: number,
): Promise<SideRunResult> {
  const { path, operation } = await client.start('POST', `/1.0/instances/${encodeURIComponent(name)}/exec`, {
    command: ['sh', '-c', command],
    environment: { HOME: '/root', USER: 'root' },
    'wait-for-websocket': true,
    interactive: false,
    'record-output': false,
  });
  const fds = (operation.metadata as ExecFds | null)?.fds ?? {};
  const join = (fd: string) =>
    opened(client.websocket(`${path}/websocket?secret=${encodeURIComponent(fds[fd] ?? '')}`));
  const [stdin, stdout, stderr, control] = await Promise.all(['0', '1', '2', 'control'].map(join));
  const output = new SideOutput();
  const ended = Promise.all([
    collect(stdout as WebSocket, (data) => output.add('stdout', data)),
    collect(stderr as WebSocket, (data) => output.add('stderr', data)),
  ]);
  stdin?.close();

  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    ended.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    control?.send(JSON.stringify({ command: 'signal', signal: 9 }));
    for (const socket of [stdout, stderr, control]) socket?.close();
    return { output: output.text(), exitCode: null, timedOut: true };
  }
  control?.close();
  const done = await client.wait(path, 10);
  const code = done.metadata?.['return'];
  return { output: output.text(), exitCode: typeof code === 'number' ? code : null, timedOut: false };
}

function collect(socket: WebSocket, add: (data: Buffer) => void): Promise<void> {
  return new Promise((resolve) => {
    socket.on('message', (data: Buffer) => add(data));
    socket.on('error', () => undefined); // close follows
    socket.once('close', () => resolve());
  });
}

function opened(socket: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
