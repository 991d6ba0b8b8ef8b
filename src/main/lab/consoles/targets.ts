import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type Docker from 'dockerode';
import { consoleOwner, type ConsoleSessionInfo, type ConsoleTarget } from '@shared/consoles';
import { twinError } from '../twins/errors';
import { dockerAttachBackend } from './backends/docker-attach';
import { dockerExecBackend } from './backends/docker-exec';
import { dockerLogsBackend } from './backends/docker-logs';
import { ptyBackend } from './backends/pty';
import { virshBannerFilter } from './backends/virsh-banner';
import type { ConsoleManager } from './console-manager';
import type { VmProbes } from './run/vm-probes';

export type ConsoleSize = { cols: number; rows: number };

/** A console opened before any view has measured it; the view's first resize corrects it. */
const defaultConsoleSize: ConsoleSize = { cols: 100, rows: 30 };

export interface ConsoleTargetsDeps {
  consoles: ConsoleManager;
  docker: () => Docker;
  libvirtUri: () => string;
  /** The ownership guards: a console into a guest Twinlab did not make is refused. */
  containers: {
    assertManaged(id: string): Promise<void>;
    /** Inspect of any container: an unknown id is a not-found sentence. */
    inspect(id: string): Promise<unknown>;
  };
  vms: {
    consoleTarget(id: string): Promise<{ id: string; name: string }>;
    probeTarget(id: string): Promise<{ id: string; name: string; probeChannel: boolean }>;
  };
  /** Sets a VM's serial terminal size inside the guest (a serial line carries no size). */
  vmTerminals: Pick<VmProbes, 'setTerminalSize' | 'forgetTerminal'>;
  /** A system container's shell: an LXD/Incus exec with a pty. */
  systems: { openConsole(name: string, size: ConsoleSize): Promise<ConsoleSessionInfo> };
  env: Record<string, string | undefined>;
}

/**
 * Opens the console of any target, reusing its live session. Every console into a guest passes
 * the ownership guard of its engine first: console.open, console.run, lessons and twin creation
 * all open through here. A container's log is read-only like inspect, so any container may show it.
 */
export class ConsoleTargets {
  constructor(private readonly deps: ConsoleTargetsDeps) {}

  open(target: ConsoleTarget, size: ConsoleSize = defaultConsoleSize): Promise<ConsoleSessionInfo> {
    switch (target.kind) {
      case 'container':
        return this.container(target.guestId, size);
      case 'vm':
        return this.vm(target.guestId, size);
      case 'host':
        return this.host(size);
      case 'system':
        return this.deps.systems.openConsole(target.guestId, size);
      case 'container-logs':
        return this.#containerLogs(target.guestId, size);
    }
  }

  /**
   * A container's console: its own TTY when it is interactive (a shell as main process, created
   * with -it), like `docker run -it`; otherwise a shell started next to its program (docker exec).
   */
  async container(containerId: string, size: ConsoleSize = defaultConsoleSize): Promise<ConsoleSessionInfo> {
    await this.deps.containers.assertManaged(containerId);
    const { consoles } = this.deps;
    const owner = consoleOwner({ kind: 'container', guestId: containerId });
    const live = this.#live(owner);
    if (live) return live;
    const docker = this.deps.docker();
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
  async vm(vmId: string, size: ConsoleSize = defaultConsoleSize): Promise<ConsoleSessionInfo> {
    const vm = await this.deps.vms.consoleTarget(vmId);
    const { consoles } = this.deps;
    const owner = consoleOwner({ kind: 'vm', guestId: vm.id });
    const live = this.#live(owner);
    // A VM that was stopped and is starting again: its session picks up the new console.
    if (live) return live.state === 'disconnected' ? consoles.reconnect(live.id) : live;
    const uri = this.deps.libvirtUri();
    const terminals = this.deps.vmTerminals;
    return consoles.open({
      connect: async (current) => {
        // Escape ^^ (Ctrl+^) instead of virsh's ^], which a learner may type and be dropped by.
        let virshError: string | undefined;
        let size = current;
        const backend = ptyBackend('virsh', ['-c', uri, '-e', '^^', 'console', vm.name, '--force'], {
          ...current,
          filter: virshBannerFilter({
            onError: (message) => (virshError = message),
            // The pty's size stops at virsh: the guest's tty learns it through the probe channel.
            // Changed twice, so the shell redraws the prompt it printed before this console
            // connected (a reopened console, a restored VM); nothing is typed for it.
            onConnected: () => terminals.setTerminalSize(vm.name, size.cols, size.rows, true),
          }),
          // virsh console ends when the domain stops: the guest went away, the session waits for it.
          classifyExit: (exitCode) => ({
            kind: 'lost',
            message: `The console of ${vm.name} closed (virsh exit ${exitCode}${virshError ? `: ${virshError}` : ''}).`,
          }),
        });
        return {
          ...backend,
          resize: (cols, rows) => {
            size = { cols, rows };
            backend.resize(cols, rows);
            terminals.setTerminalSize(vm.name, cols, rows);
          },
          dispose: async () => {
            terminals.forgetTerminal(vm.name);
            await backend.dispose();
          },
        };
      },
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
  async host(size: ConsoleSize = defaultConsoleSize): Promise<ConsoleSessionInfo> {
    const { consoles, env } = this.deps;
    if (env['TWINLAB_HOST_TERMINAL'] === '0') throw twinError('hostTerminalOff');
    const owner = consoleOwner({ kind: 'host', guestId: 'host' });
    const live = this.#live(owner);
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

  async #containerLogs(containerId: string, size: ConsoleSize): Promise<ConsoleSessionInfo> {
    const owner = consoleOwner({ kind: 'container-logs', guestId: containerId });
    // Any container's log may be read; an unknown one is said so, not an engine's 404 (API fuzz test).
    if (!this.#live(owner)) await this.deps.containers.inspect(containerId);
    return (
      this.#live(owner) ??
      this.deps.consoles.open({
        connect: () => dockerLogsBackend(this.deps.docker(), containerId),
        title: `logs ${containerId.slice(0, 12)}`,
        owner,
        readOnly: true,
        ...size,
      })
    );
  }

  #live(owner: string): ConsoleSessionInfo | undefined {
    return this.deps.consoles.list({ owner }).find((session) => session.state !== 'closed');
  }
}
