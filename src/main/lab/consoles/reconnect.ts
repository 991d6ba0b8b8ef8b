import { consoleOwner, isVmConsoleOwner } from '@shared/consoles';
import type { WatchSignal } from '../containers';
import type { Logger } from '../log';
import type { ConsoleManager } from './console-manager';
import type { SessionState, StateDetail } from './console-session';

const vmStartAttempts = 5;

/**
 * When a disconnected console tries again: a console whose guest came back picks up the new run
 * by itself. A guest that is not running (yet) refuses; its session stays disconnected until the
 * next start or the engine's event stream coming back.
 */
export class ConsoleReconnects {
  /** vmStarted's later attempts, cleared by stop() so none outlives the lab. */
  readonly #retries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly consoles: ConsoleManager,
    private readonly log: Logger,
  ) {}

  /**
   * Lost because the container restarted: it may be running again before its end was noticed,
   * in which case its "started" event came too early to help. Try at once. Not a VM's console:
   * `virsh console` starts even when the domain is off and ends at once, so trying again on every
   * loss spun ten virsh a second for as long as the VM was stopped; it waits for vmStarted.
   */
  onState(sessionId: string, state: SessionState, detail?: StateDetail): void {
    if (state === 'disconnected' && detail?.reason === 'lost')
      this.#reconnect((owner, id) => id === sessionId && !isVmConsoleOwner(owner));
  }

  /**
   * The VM's domain started afresh or its guest rebooted: its serial console follows. Right after
   * a restore virsh may still fail to reach the new pty ("stream had I/O failure"), so a console
   * that dropped again is tried a few more times, a second apart.
   */
  vmStarted(vmId: string, attempts = vmStartAttempts): void {
    const owner = consoleOwner({ kind: 'vm', guestId: vmId });
    this.#reconnect((candidate) => candidate === owner);
    if (attempts <= 1) return;
    const retry = setTimeout(() => {
      this.#retries.delete(retry);
      this.vmStarted(vmId, attempts - 1);
    }, 1000).unref();
    this.#retries.add(retry);
  }

  /** No more attempts: the lab is closing. */
  stop(): void {
    for (const retry of this.#retries) clearTimeout(retry);
    this.#retries.clear();
  }

  /** Docker's event stream: a container that started again, or the stream back after a gap. */
  onContainerSignal(signal: WatchSignal): void {
    if (signal.type === 'connected') this.engineBack();
    else if (signal.type === 'change' && signal.change.kind === 'started')
      this.containerStarted(signal.change.id);
  }

  /** The container started (again): its shell and its log follow. */
  containerStarted(containerId: string): void {
    const owners = new Set([
      consoleOwner({ kind: 'container', guestId: containerId }),
      consoleOwner({ kind: 'container-logs', guestId: containerId }),
    ]);
    this.#reconnect((owner) => owners.has(owner));
  }

  /** The engine's event stream is back after a gap: starts in the gap were not seen. */
  engineBack(): void {
    this.#reconnect(() => true);
  }

  #reconnect(matches: (owner: string, sessionId: string) => boolean): void {
    for (const session of this.consoles.list()) {
      if (
        session.state !== 'disconnected' ||
        session.owner === undefined ||
        !matches(session.owner, session.id)
      )
        continue;
      this.consoles
        .reconnect(session.id)
        .catch((error: unknown) => this.log.debug(`console reconnect: ${String(error)}`));
    }
  }
}
