import { consoleOwner, type ConsoleSessionInfo } from '@shared/consoles';
import type { EngineStatus } from '@shared/engines';
import type { ConsoleManager } from '../consoles';
import { lxdExecBackend } from '../consoles/backends/lxd-exec';
import { lxdSideRun } from '../consoles/run/lxd-side-run';
import type { SideRunResult } from '../consoles/run/side-output';
import { LxdConnection } from '../engines/lxd/connection';
import { watchLxdEvents } from '../engines/lxd/events';
import { HealthMonitor } from '../engines/health-monitor';
import type { Logger } from '../log';
import { RemoteSystemImages } from './remote-images';
import { SystemContainerService } from './system-container-service';

export interface SystemLabOptions {
  env: Record<string, string | undefined>;
  consoles: ConsoleManager;
  healthIntervalMs: number;
  /** An instance was created, changed state or went away (name), or the event stream came back. */
  onGuestsChanged: (id?: string) => void;
  onStatus: (status: EngineStatus) => void;
  log: Logger;
  /** Simplestreams images (templates with system.remote): the HTTP mirror and where downloads collect. */
  images?: { httpMirror: () => Promise<string | undefined>; downloadDir: string };
}

/**
 * System containers in the lab: the LXD/Incus connection and its health monitor, the service, the
 * consoles, and the lifecycle events that keep lists live and reconnect a console whose instance
 * started again. LXD being absent is a normal state here, not an error: the monitor says why.
 */
export class SystemLab {
  readonly connection: LxdConnection;
  readonly health: HealthMonitor;
  readonly service: SystemContainerService;
  readonly #consoles: ConsoleManager;
  readonly #stopEvents: () => void;
  readonly #log: Logger;

  constructor(options: SystemLabOptions) {
    this.connection = new LxdConnection(options.env);
    this.#consoles = options.consoles;
    this.#log = options.log;
    const client = () => this.connection.client;
    const server = () => this.connection.server();
    this.service = new SystemContainerService({
      client,
      server,
      log: options.log,
      ...(options.images && {
        remoteImages: new RemoteSystemImages({
          client,
          product: async () => (await server()).product,
          ...options.images,
          log: options.log,
        }),
      }),
    });
    this.health = new HealthMonitor(this.connection, options.healthIntervalMs, options.onStatus);
    void this.health.start();
    this.#stopEvents = watchLxdEvents(
      () => this.connection.client,
      (signal) => {
        if (signal.type === 'reconnected') {
          options.onGuestsChanged();
          this.#reconnectConsoles(() => true);
          return;
        }
        options.onGuestsChanged(signal.event.name);
        if (signal.event.action === 'instance-started')
          this.#reconnectConsoles(
            (owner) => owner === consoleOwner({ kind: 'system', guestId: signal.event.name }),
          );
      },
    );
  }

  /** Why system containers cannot be made now, or undefined when they can. */
  async unavailableReason(): Promise<string | undefined> {
    await this.health.checkNow();
    const status = this.health.status;
    return status.state === 'up' ? undefined : status.state === 'down' ? status.reason : 'still connecting';
  }

  /** A shell in the instance (an exec with a pty); reuses the instance's live session. */
  async openConsole(name: string, size: { cols: number; rows: number }): Promise<ConsoleSessionInfo> {
    const owner = consoleOwner({ kind: 'system', guestId: name });
    const live = this.#consoles.list({ owner }).find((session) => session.state !== 'closed');
    if (live) return live.state === 'disconnected' ? this.#consoles.reconnect(live.id) : live;
    return this.#consoles.open({
      connect: (current) => lxdExecBackend(this.connection.client, name, current),
      title: `shell ${name}`,
      owner,
      ...size,
    });
  }

  /** A command beside the instance's shell (probes, lesson checks); refused for instances Twinlab did not make. */
  async sideRun(name: string, command: string, timeoutMs: number): Promise<SideRunResult> {
    await this.service.assertManaged(name);
    return lxdSideRun(this.connection.client, name, command, timeoutMs);
  }

  dispose(): void {
    this.#stopEvents();
    this.health.stop();
  }

  #reconnectConsoles(matches: (owner: string) => boolean): void {
    for (const session of this.#consoles.list()) {
      if (
        session.state !== 'disconnected' ||
        !session.owner?.startsWith('system:') ||
        !matches(session.owner)
      )
        continue;
      this.#consoles
        .reconnect(session.id)
        .catch((error: unknown) => this.#log.debug(`system console reconnect: ${String(error)}`));
    }
  }
}
