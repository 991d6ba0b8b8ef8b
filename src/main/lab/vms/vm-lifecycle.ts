import { setTimeout as sleep } from 'node:timers/promises';
import type { Guest } from '@shared/guest';
import type { ShutdownResult } from '@shared/vms';
import { rebootAcpi, startPaused } from '../engines/libvirt/virsh-queries';
import type { Domains } from './domains';
import { vmError } from './errors';
import { DomainStates } from '../engines/libvirt/domain-states';
import type { VmFiles } from './vm-files';

/** Power and removal of Twinlab's own domains; every other domain gets the 'notManaged' refusal. */
export class VmLifecycle {
  constructor(
    private readonly domains: Domains,
    private readonly files: VmFiles,
    /** Called with the UUID of a removed domain, so its CPU sample does not outlive it. */
    private readonly removed: (uuid: string) => void = () => undefined,
  ) {}

  /**
   * The domain for its serial console, if Twinlab made it; otherwise the same 'notManaged' refusal
   * as every other operation (typing into a user's VM, and `virsh console --force` would kick its
   * owner off). A domain still being created passes: its console is opened while it boots.
   */
  async consoleTarget(id: string): Promise<{ id: string; name: string }> {
    const guest = await this.domains.get(id);
    if (!guest.managed) throw vmError('notManaged', { name: guest.name });
    return { id: guest.id, name: guest.name };
  }

  async start(id: string, options: { paused?: boolean } = {}): Promise<Guest> {
    const { domain, name } = await this.domains.managed(id);
    await this.domains.call(name, () =>
      options.paused ? startPaused(this.domains.uri(), name) : domain.create(),
    );
    return this.domains.get(id);
  }

  /** ACPI power button; waits up to timeoutMs for the guest to power off. */
  async shutdown(id: string, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<ShutdownResult> {
    const { domain, name } = await this.domains.managed(id);
    const started = performance.now();
    await this.domains.call(name, () => domain.shutdown());
    const deadline = started + (options.timeoutMs ?? 60_000);
    for (;;) {
      const info = await this.domains.call(name, () => domain.getInfo());
      const waitedMs = Math.round(performance.now() - started);
      if (info.state === DomainStates.SHUTOFF) return { outcome: 'stopped', waitedMs };
      if (performance.now() >= deadline) return { outcome: 'timeout', waitedMs, canForceOff: true };
      await sleep(options.pollMs ?? 250);
    }
  }

  /** Pulls the plug (virsh destroy): the guest gets no chance to save anything. */
  async forceOff(id: string): Promise<Guest> {
    const { domain, name } = await this.domains.managed(id);
    await this.domains.call(name, () => domain.destroy());
    return this.domains.get(id);
  }

  async suspend(id: string): Promise<Guest> {
    const { domain, name } = await this.domains.managed(id);
    await this.domains.call(name, () => domain.suspend());
    return this.domains.get(id);
  }

  async resume(id: string): Promise<Guest> {
    const { domain, name } = await this.domains.managed(id);
    await this.domains.call(name, () => domain.resume());
    return this.domains.get(id);
  }

  /** Asks the guest to reboot (ACPI); returns at once. */
  async reboot(id: string): Promise<void> {
    const { name } = await this.domains.managed(id);
    await this.domains.call(name, () => rebootAcpi(this.domains.uri(), name));
  }

  /** Removes the domain and the files Twinlab made for it (overlay, seed, its folder). */
  async remove(id: string): Promise<void> {
    const { domain, name, uuid, metadata } = await this.domains.managed(id);
    this.domains.busy.set(uuid, 'removing');
    try {
      const info = await this.domains.call(name, () => domain.getInfo());
      if (info.state !== DomainStates.SHUTOFF) await this.domains.call(name, () => domain.destroy());
      await this.domains.call(name, () => domain.undefine());
      this.removed(uuid);
      await this.files.remove(
        uuid,
        metadata.files.map((file) => file.path),
      );
    } finally {
      this.domains.busy.delete(uuid);
    }
  }
}
