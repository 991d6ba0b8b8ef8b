import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type Docker from 'dockerode';
import type { ConsoleSessionInfo, ConsoleTarget } from '@shared/consoles';
import { dockerExecBackend, ptyBackend, type ConsoleManager } from '../consoles';
import { dockerAttachBackend } from '../consoles/backends/docker-attach';
import { dockerLogsBackend } from '../consoles/backends/docker-logs';
import type { ConsoleRunner } from '../consoles/run/console-runner';
import type { Handlers } from '../router';
import { twinError } from '../twins/errors';

type ConsoleMethods =
  | 'console.open'
  | 'console.attach'
  | 'console.detach'
  | 'console.write'
  | 'console.resize'
  | 'console.ack'
  | 'console.reconnect'
  | 'console.close'
  | 'console.list'
  | 'console.run';

/** The owner tag of a target's session: one live session per target, shared by every view of it. */
export function consoleOwner(target: ConsoleTarget): string {
  return `${target.kind}:${target.guestId}`;
}

/**
 * A container's console: its own TTY when it is interactive (a shell as main process, created
 * with -it), like `docker run -it`; otherwise a shell started next to its program (docker exec).
 * Reuses the target's live session.
 */
export async function openContainerConsole(
  consoles: ConsoleManager,
  docker: Docker,
  containerId: string,
  size: { cols: number; rows: number },
): Promise<ConsoleSessionInfo> {
  const owner = consoleOwner({ kind: 'container', guestId: containerId });
  const live = consoles.list({ owner }).find((session) => session.state !== 'closed');
  if (live) return live;
  const { Config } = await docker.getContainer(containerId).inspect();
  const interactive = Config.Tty && Config.OpenStdin;
  return consoles.open({
    connect: (current) =>
      interactive
        ? dockerAttachBackend(docker, containerId, current)
        : dockerExecBackend(docker, containerId, current),
    title: `shell ${containerId.slice(0, 12)}`,
    owner,
    ...size,
  });
}

/** A VM's serial console: `virsh console` under a pty, as cockpit-machines does. */
export async function openVmConsole(
  consoles: ConsoleManager,
  uri: string,
  vm: { id: string; name: string },
  size: { cols: number; rows: number },
): Promise<ConsoleSessionInfo> {
  const owner = consoleOwner({ kind: 'vm', guestId: vm.id });
  const live = consoles.list({ owner }).find((session) => session.state !== 'closed');
  // A VM that was stopped and is starting again: its session picks up the new console.
  if (live) return live.state === 'disconnected' ? consoles.reconnect(live.id) : live;
  return consoles.open({
    connect: async (current) =>
      ptyBackend('virsh', ['-c', uri, 'console', vm.name, '--force'], {
        ...current,
        // virsh console ends when the domain stops: the guest went away, the session waits for it.
        classifyExit: (exitCode) => ({
          kind: 'lost',
          message: `The console of ${vm.name} closed (virsh exit ${exitCode}).`,
        }),
      }),
    title: `serial ${vm.name}`,
    owner,
    ...size,
  });
}

/**
 * A login shell on the host, shared by every view (one session per app). Acceptable because
 * whoever reaches this API already drives Docker, which is root on the host: the Electron window
 * checks its sender, browser mode is loopback-only with a token and Origin/Host checks. A machine
 * that must not offer it anyway sets TWINLAB_HOST_TERMINAL=0.
 */
export async function openHostConsole(
  consoles: ConsoleManager,
  env: Record<string, string | undefined>,
  size: { cols: number; rows: number },
): Promise<ConsoleSessionInfo> {
  if (env['TWINLAB_HOST_TERMINAL'] === '0') throw twinError('hostTerminalOff');
  const owner = consoleOwner({ kind: 'host', guestId: 'host' });
  const live = consoles.list({ owner }).find((session) => session.state !== 'closed');
  if (live) return live.state === 'disconnected' ? consoles.reconnect(live.id) : live;
  const shell = env['SHELL'] || (existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh');
  // The browser-mode token is nobody's business inside the shell.
  const shellEnv = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'TWINLAB_TOKEN'));
  return consoles.open({
    connect: async (current) => ptyBackend(shell, ['-l'], { ...current, cwd: homedir(), env: shellEnv }),
    title: 'host shell',
    owner,
    ...size,
  });
}

type ConsoleSize = { cols: number; rows: number };

/** Interactive consoles, each behind the ownership guard of its engine (the host shell has none). */
export interface ConsoleOpeners {
  container: (containerId: string, size: ConsoleSize) => Promise<ConsoleSessionInfo>;
  vm: (vmId: string, size: ConsoleSize) => Promise<ConsoleSessionInfo>;
  host: (size: ConsoleSize) => Promise<ConsoleSessionInfo>;
  /** A system container's shell: an LXD/Incus exec with a pty. */
  system: (name: string, size: ConsoleSize) => Promise<ConsoleSessionInfo>;
}

export function consoleHandlers(
  consoles: ConsoleManager,
  docker: () => Docker,
  open: ConsoleOpeners,
  runner: ConsoleRunner,
): Pick<Handlers, ConsoleMethods> {
  const nothing = async (action: () => unknown) => {
    await action();
    return null;
  };
  return {
    'console.open': async ({ target, cols, rows }) => {
      if (target.kind === 'container') return open.container(target.guestId, { cols, rows });
      if (target.kind === 'vm') return open.vm(target.guestId, { cols, rows });
      if (target.kind === 'host') return open.host({ cols, rows });
      if (target.kind === 'system') return open.system(target.guestId, { cols, rows });
      // Left: a container's log, read-only like inspect, which any container may show.
      const owner = consoleOwner(target);
      const live = consoles.list({ owner }).find((session) => session.state !== 'closed');
      return (
        live ??
        consoles.open({
          connect: () => dockerLogsBackend(docker(), target.guestId),
          title: `logs ${target.guestId.slice(0, 12)}`,
          owner,
          readOnly: true,
          cols,
          rows,
        })
      );
    },
    'console.attach': async ({ sessionId }) => consoles.attach(sessionId),
    'console.detach': ({ sessionId }) => nothing(() => consoles.detach(sessionId)),
    'console.write': ({ sessionId, data }) => nothing(() => consoles.write(sessionId, data)),
    'console.resize': ({ sessionId, cols, rows }) => nothing(() => consoles.resize(sessionId, cols, rows)),
    'console.ack': ({ sessionId, chars }) => nothing(() => consoles.ack(sessionId, chars)),
    'console.reconnect': ({ sessionId }) => consoles.reconnect(sessionId),
    'console.close': ({ sessionId }) => nothing(() => consoles.close(sessionId)),
    'console.list': async () => consoles.list(),
    'console.run': ({ targets, command, timeoutMs }) => runner.run(targets, command, timeoutMs),
  };
}
