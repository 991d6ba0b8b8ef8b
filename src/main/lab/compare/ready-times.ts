import type { BootRecord } from '@shared/vms';
import type { PromptWatch } from '../consoles/run/prompt-watch';

/**
 * Time to ready for every guest, newest start first: a container's first prompt (PromptWatch) or a
 * VM's ready pattern on its serial console (the VMs' BootWatch records).
 */
export class ReadyTimes {
  constructor(
    private readonly prompts: PromptWatch,
    private readonly boots: { records(): BootRecord[] },
  ) {}

  readyMs(guestId: string): number | undefined {
    const prompt = this.prompts.latest(guestId);
    const boot = this.boots.records().findLast((record) => record.id === guestId);
    if (!prompt || !boot) return (prompt ?? boot)?.readyMs;
    return (prompt.at > boot.at ? prompt : boot).readyMs;
  }
}
