import type Docker from 'dockerode';
import type { ConsoleTarget } from '@shared/consoles';
import { dockerExecBackend, type ConsoleManager } from '../consoles';
import { dockerLogsBackend } from '../consoles/backends/docker-logs';
import type { Handlers } from '../router';

type ConsoleMethods =
  | 'console.open'
  | 'console.attach'
  | 'console.detach'
  | 'console.write'
  | 'console.resize'
  | 'console.ack'
  | 'console.reconnect'
  | 'console.close'
  | 'console.list';

/** The owner tag of a target's session: one live session per target, shared by every view of it. */
export function consoleOwner(target: ConsoleTarget): string {
  return `${target.kind}:${target.guestId}`;
}

export function consoleHandlers(
  consoles: ConsoleManager,
  docker: () => Docker,
): Pick<Handlers, ConsoleMethods> {
  const nothing = async (action: () => unknown) => {
    await action();
    return null;
  };
  return {
    'console.open': async ({ target, cols, rows }) => {
      const owner = consoleOwner(target);
      const live = consoles.list({ owner }).find((session) => session.state !== 'closed');
      if (live) return live;
      if (target.kind === 'container-logs') {
        return consoles.open({
          connect: () => dockerLogsBackend(docker(), target.guestId),
          title: `logs ${target.guestId.slice(0, 12)}`,
          owner,
          readOnly: true,
          cols,
          rows,
        });
      }
      return consoles.open({
        connect: (size) => dockerExecBackend(docker(), target.guestId, size),
        title: `shell ${target.guestId.slice(0, 12)}`,
        owner,
        cols,
        rows,
      });
    },
    'console.attach': async ({ sessionId }) => consoles.attach(sessionId),
    'console.detach': ({ sessionId }) => nothing(() => consoles.detach(sessionId)),
    'console.write': ({ sessionId, data }) => nothing(() => consoles.write(sessionId, data)),
    'console.resize': ({ sessionId, cols, rows }) => nothing(() => consoles.resize(sessionId, cols, rows)),
    'console.ack': ({ sessionId, chars }) => nothing(() => consoles.ack(sessionId, chars)),
    'console.reconnect': ({ sessionId }) => consoles.reconnect(sessionId),
    'console.close': ({ sessionId }) => nothing(() => consoles.close(sessionId)),
    'console.list': async () => consoles.list(),
  };
}
