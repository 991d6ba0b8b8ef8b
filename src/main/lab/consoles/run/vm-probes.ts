import { PROBE_SERIAL_ALIAS } from '../../engines/libvirt/domain-xml';
import { SERIAL_TTY } from '../../vms/cloud-init';
import { ptyBackend } from '../backends/pty';
import { virshBannerFilter } from '../backends/virsh-banner';
import type { SideRunResult } from './side-output';
import { SILENT, VmProbeChannel } from './vm-probe-channel';
import { stopSizeKeeperCommand, sttySizeCommand } from './vm-probe-protocol';

export interface VmProbesDeps {
  libvirtUri: () => string;
  /** The ownership guard, and whether the live domain has the probe serial port (older ones do not). */
  vms: { probeTarget(id: string): Promise<{ id: string; name: string; probeChannel: boolean }> };
}

/**
 * Why a VM probe could not go beside the console: no device or a guest that never answered on it
 * (typed at an idle prompt instead), or a probe shell that answered before and is starting again.
 */
export type NoProbeChannel = 'no-device' | 'silent' | 'starting';

/** How often a probe waiting for a restarting guest's probe shell pings it again. */
const startingPingMs = 2000;

interface WantedSize {
  cols: number;
  rows: number;
  /** Change the size twice, so the shell gets SIGWINCH and redraws its prompt even at the same size. */
  redraw: boolean;
  applying: boolean;
  since: number;
}

/** How often a terminal size waiting for a booting guest's probe shell asks again, and for how long. */
const sizeRetryMs = 3000;
const sizeRetryForMs = 10 * 60_000;

/**
 * The probe channels of Twinlab's VMs, one per domain (see VmProbeChannel), and what goes through
 * them besides probes: the learner's serial terminal size, which a serial line cannot carry.
 */
export class VmProbes {
  readonly #channels = new Map<string, VmProbeChannel>();
  /** The size each VM's console wants, and whether a loop is applying it. */
  readonly #sizes = new Map<string, WantedSize>();
  /** VMs whose probe shell has answered in this process: a silent channel there means "starting". */
  readonly #answered = new Set<string>();

  constructor(private readonly deps: VmProbesDeps) {}

  async sideRun(vmId: string, command: string, timeoutMs: number): Promise<SideRunResult | NoProbeChannel> {
    const vm = await this.deps.vms.probeTarget(vmId);
    if (!vm.probeChannel) return 'no-device';
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const channel = this.#channel(vm.name);
      let ran: SideRunResult | typeof SILENT;
      try {
        ran = await channel.run(command, Math.max(1000, deadline - Date.now()));
      } catch (error) {
        // The guest rebooted while this probe waited for its shell: domainRestarted dropped the
        // channel under it. A guest that answered before is asked again on a fresh one.
        if (this.#channels.get(vm.name) === channel || !this.#answered.has(vm.name)) throw error;
        ran = SILENT;
      }
      if (ran !== SILENT) {
        this.#answered.add(vm.name);
        return ran;
      }
      // A guest whose probe shell answered before runs one again once it has booted: typing the
      // probe at its console instead would show the learner a command they never typed.
      if (!this.#answered.has(vm.name)) return 'silent';
      if (Date.now() + startingPingMs >= deadline) return 'starting';
      await new Promise((resolve) => setTimeout(resolve, startingPingMs));
    }
  }

  /**
   * Sets the guest's serial terminal to the console's size through the probe channel, so nothing
   * shows in the learner's line; the kernel sends SIGWINCH to the shell there. A guest still
   * booting (its probe shell silent) is asked again until it answers; only the latest size is applied.
   * `redraw`: a console that just (re)connected shows nothing of the prompt printed before it, so the
   * size changes twice and the shell redraws its prompt and any half-typed line (nothing is typed).
   */
  setTerminalSize(vmName: string, cols: number, rows: number, redraw = false): void {
    const wanted = this.#sizes.get(vmName);
    if (wanted) Object.assign(wanted, { cols, rows, since: Date.now(), redraw: wanted.redraw || redraw });
    else this.#sizes.set(vmName, { cols, rows, redraw, applying: false, since: Date.now() });
    void this.#applySize(vmName);
  }

  /**
   * The domain started afresh (start, checkpoint restore) or its guest rebooted: the probe shell on
   * the other end of the open channel is gone and the serial terminal lost its size. The channel is
   * dropped, so the next probe opens a fresh one, and the console's last size is applied again.
   */
  domainRestarted(vmName: string): void {
    const channel = this.#channels.get(vmName);
    this.#channels.delete(vmName);
    void channel?.dispose();
    const wanted = this.#sizes.get(vmName);
    if (!wanted) return;
    // A new entry: a loop still applying the old one sees it replaced and ends.
    this.#sizes.set(vmName, { ...wanted, redraw: true, applying: false, since: Date.now() });
    void this.#applySize(vmName);
  }

  /**
   * Ends the host side of a VM's probe channel (its `virsh console`, some 20 MiB): the density
   * experiment measures what a guest costs the host, not what Twinlab's channel to it costs. The
   * next probe opens it again.
   */
  async closeChannel(vmName: string): Promise<void> {
    const channel = this.#channels.get(vmName);
    this.#channels.delete(vmName);
    await channel?.dispose();
  }

  /** The VM's console closed: stop sizing it, and the guest's keeper too. Its channel stays for probes. */
  forgetTerminal(vmName: string): void {
    if (!this.#sizes.delete(vmName)) return;
    // Best effort through a channel already open: a stopped guest has no keeper left anyway.
    void this.#channels
      .get(vmName)
      ?.run(stopSizeKeeperCommand(SERIAL_TTY), 10_000)
      .catch(() => undefined);
  }

  async dispose(): Promise<void> {
    this.#sizes.clear();
    const channels = [...this.#channels.values()];
    this.#channels.clear();
    await Promise.all(channels.map((channel) => channel.dispose()));
  }

  async #applySize(vmName: string): Promise<void> {
    const wanted = this.#sizes.get(vmName);
    if (!wanted || wanted.applying) return;
    wanted.applying = true;
    try {
      // A VM made before the probe channel has no port to ask (its console page says so): no virsh
      // is started for it, on every connect and resize, only to fail.
      const vm = await this.deps.vms.probeTarget(vmName).catch(() => undefined);
      if (!vm?.probeChannel) return;
      for (;;) {
        const { cols, rows, redraw } = wanted;
        // A channel that ended (the domain is not running) stops the loop: the next connect asks again.
        const ran = await this.#channel(vmName)
          .run(sttySizeCommand(SERIAL_TTY, cols, rows, redraw), 10_000)
          .catch(() => undefined);
        if (ran === undefined || this.#sizes.get(vmName) !== wanted) return;
        const applied = ran !== SILENT && ran.exitCode === 0;
        if (applied && redraw) wanted.redraw = false;
        if (applied && wanted.cols === cols && wanted.rows === rows) return;
        if (!applied) {
          if (Date.now() - wanted.since > sizeRetryForMs) return;
          await new Promise((resolve) => setTimeout(resolve, sizeRetryMs));
        }
      }
    } finally {
      wanted.applying = false;
    }
  }

  #channel(vmName: string): VmProbeChannel {
    let channel = this.#channels.get(vmName);
    if (!channel) {
      const uri = this.deps.libvirtUri();
      channel = new VmProbeChannel(() =>
        // Escape ^^ as for the learner's console; nothing typed here contains it (base64 and markers).
        ptyBackend(
          'virsh',
          ['-c', uri, '-e', '^^', 'console', vmName, '--devname', PROBE_SERIAL_ALIAS, '--force'],
          {
            cols: 1000,
            rows: 50,
            env: { ...process.env, LANG: 'C.UTF-8' },
            filter: virshBannerFilter(),
          },
        ),
      );
      this.#channels.set(vmName, channel);
    }
    return channel;
  }
}
