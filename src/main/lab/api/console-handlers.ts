import type { ConsoleManager } from '../consoles';
import { runOnEach, type CommandRunner } from '../consoles/run/command-runner';
import type { ConsoleRunner } from '../consoles/run/console-runner';
import type { ConsoleTargets } from '../consoles/targets';
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
  | 'console.list'
  | 'console.run'
  | 'console.probe';

export function consoleHandlers(
  consoles: ConsoleManager,
  consoleTargets: ConsoleTargets,
  runner: ConsoleRunner,
  probes: CommandRunner,
): Pick<Handlers, ConsoleMethods> {
  const nothing = async (action: () => unknown) => {
    await action();
    return null;
  };
  return {
    'console.open': ({ target, cols, rows }) => consoleTargets.open(target, { cols, rows }),
    'console.attach': async ({ sessionId }) => consoles.attach(sessionId),
    'console.detach': ({ sessionId }) => nothing(() => consoles.detach(sessionId)),
    'console.write': ({ sessionId, data }) => nothing(() => consoles.write(sessionId, data)),
    'console.resize': ({ sessionId, cols, rows }) => nothing(() => consoles.resize(sessionId, cols, rows)),
    'console.ack': ({ sessionId, chars }) => nothing(() => consoles.ack(sessionId, chars)),
    'console.reconnect': ({ sessionId }) => consoles.reconnect(sessionId),
    'console.close': ({ sessionId }) => nothing(() => consoles.close(sessionId)),
    'console.list': async () => consoles.list(),
    'console.run': ({ targets, command, timeoutMs }) => runner.run(targets, command, timeoutMs),
    'console.probe': ({ targets, command, timeoutMs }) => runOnEach(probes, targets, command, timeoutMs),
  };
}
