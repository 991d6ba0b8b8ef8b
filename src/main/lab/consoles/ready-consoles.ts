import type { Guest } from '@shared/guest';
import type { BootWatch } from '../vms/boot-watch';
import type { PromptWatch } from './run/prompt-watch';
import type { ConsoleTargets } from './targets';

export interface ReadyConsolesDeps {
  targets: ConsoleTargets;
  prompts: PromptWatch;
  boots: BootWatch;
  /** Lets a VM created or started with paused vCPUs run. */
  resumeVm: (id: string) => Promise<Guest>;
}

/**
 * Consoles opened as a guest starts, so that its time to ready is measured on what the learner
 * sees: a container's or system container's first prompt, a VM's boot marker on its serial console.
 */
export class ReadyConsoles {
  constructor(private readonly deps: ReadyConsolesDeps) {}

  /** Attached before start so the first prompt is caught; the returned function starts the ready timer. */
  async container(containerId: string): Promise<() => void> {
    const session = await this.deps.targets.container(containerId).catch(
      () => undefined, // the console can still be opened later
    );
    return () => session && this.deps.prompts.arm(session.id, containerId);
  }

  /** A system container's exec needs it running, so its clock starts at the start call, given here. */
  async system(id: string, startedAtMs: number): Promise<void> {
    const session = await this.deps.targets.open({ kind: 'system', guestId: id });
    this.deps.prompts.arm(session.id, id, startedAtMs);
  }

  /** Opens the VM's serial console, arms its boot timer and only then lets its paused vCPUs run. */
  async bootVm(guest: { id: string; name: string }, readyPattern: string): Promise<Guest> {
    const session = await this.deps.targets.vm(guest.id);
    this.deps.boots.arm(session.id, guest, readyPattern);
    return this.deps.resumeVm(guest.id);
  }
}
