import type { EventHub } from '../events';
import type { Logger } from '../log';
import { BootWatch } from '../vms/boot-watch';
import { ConsoleManager } from './console-manager';
import { OutputTaps } from './output-taps';
import { ReadyConsoles, type ReadyConsolesDeps } from './ready-consoles';
import { ConsoleReconnects } from './reconnect';
import { ConsoleRunner } from './run/console-runner';
import { ExecRunner, type ExecRunnerDeps } from './run/exec-runner';
import { PromptWatch } from './run/prompt-watch';
import { VmProbes } from './run/vm-probes';
import { ConsoleTargets, type ConsoleTargetsDeps } from './targets';
import { watchVmStarts } from './vm-starts';

export interface ConsoleLabOptions extends Omit<ConsoleTargetsDeps, 'consoles' | 'vmTerminals'> {
  events: Pick<EventHub, 'emit'>;
  resumeVm: ReadyConsolesDeps['resumeVm'];
  log: Logger;
  /** Side runs in system containers, for probes that must not type into their consoles. */
  systemProbes?: ExecRunnerDeps['systems'];
}

/**
 * The consoles of the lab: the session manager and what listens to its output (boot and prompt
 * timers, console.run's taps), the openers of every target, reconnects and ready watching. Output
 * and state go to the event hub; a closed session is forgotten by everything that keyed on it.
 */
export class ConsoleLab {
  readonly manager: ConsoleManager;
  readonly boots: BootWatch;
  readonly prompts = new PromptWatch();
  readonly targets: ConsoleTargets;
  readonly runner: ConsoleRunner;
  /** Automated probes (Measure inside, lesson checks): beside the consoles, never typed into them. */
  readonly probes: ExecRunner;
  /** Each VM's probe channel (its second serial port), also used to size its serial terminal. */
  readonly vmProbes: VmProbes;
  readonly ready: ReadyConsoles;
  readonly reconnects: ConsoleReconnects;
  readonly #vms: ConsoleTargetsDeps['vms'];
  readonly #libvirtUri: () => string;
  readonly #log: Logger;

  constructor({ events, resumeVm, log, systemProbes, ...targets }: ConsoleLabOptions) {
    const taps = new OutputTaps();
    this.boots = new BootWatch((record) => events.emit('vm.booted', record));
    this.manager = new ConsoleManager({
      onOutput: (sessionId, text) => {
        this.boots.feed(sessionId, text);
        this.prompts.feed(sessionId, text);
        taps.feed(sessionId, text);
      },
      onData: (sessionId, data, offset) => events.emit('console.data', { sessionId, data, offset }),
      onState: (sessionId, state, detail) => {
        events.emit('console.state', { sessionId, state, ...(detail && { detail }) });
        if (state === 'closed') {
          taps.forget(sessionId);
          this.runner.forget(sessionId);
        }
        this.reconnects.onState(sessionId, state, detail);
      },
    });
    this.reconnects = new ConsoleReconnects(this.manager, log);
    this.vmProbes = new VmProbes({ libvirtUri: targets.libvirtUri, vms: targets.vms });
    this.targets = new ConsoleTargets({ ...targets, consoles: this.manager, vmTerminals: this.vmProbes });
    this.runner = new ConsoleRunner({
      consoles: this.manager,
      taps,
      open: (target) => this.targets.open(target),
    });
    this.probes = new ExecRunner({
      docker: targets.docker,
      containers: targets.containers,
      ...(systemProbes && { systems: systemProbes }),
      vms: this.vmProbes,
      typing: this.runner,
      env: targets.env,
    });
    this.#vms = targets.vms;
    this.#libvirtUri = targets.libvirtUri;
    this.#log = log;
    this.ready = new ReadyConsoles({
      targets: this.targets,
      prompts: this.prompts,
      boots: this.boots,
      resumeVm,
    });
  }

  /** Follows libvirt's domain events until the returned function is called (see vmStarted). */
  watchVmStarts(): () => void {
    return watchVmStarts(this.#libvirtUri, (name) => void this.vmStarted(name), this.#log);
  }

  /**
   * One signal for a VM whose domain started afresh (Start, a checkpoint's `virsh restore`) or whose
   * guest rebooted: its probe channel is dropped and its console's size applied again (VmProbes),
   * and its disconnected console connects to the new run, where the size change redraws the prompt.
   * Another program's domain is left alone (consoleTarget refuses it).
   */
  async vmStarted(nameOrId: string): Promise<void> {
    const vm = await this.#vms.consoleTarget(nameOrId).catch(() => undefined);
    if (!vm) return;
    this.vmProbes.domainRestarted(vm.name);
    this.reconnects.vmStarted(vm.id);
  }
}
