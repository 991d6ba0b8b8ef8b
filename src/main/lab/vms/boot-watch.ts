import type { BootRecord } from '@shared/vms';
import { BootTimer } from './boot-timer';

/**
 * Boot times, measured on the serial console. A timer is armed for a console session right
 * before the VM's vCPUs run; the console's output is fed through feed(); the first sight of the
 * ready pattern records the boot. Kept for this run of the app (the Compare page reads them).
 */
export class BootWatch {
  readonly #armed = new Map<string, { timer: BootTimer; id: string; name: string }>();
  readonly #records: BootRecord[] = [];

  constructor(private readonly onBooted: (record: BootRecord) => void) {}

  arm(sessionId: string, guest: { id: string; name: string }, pattern: string): void {
    this.#armed.set(sessionId, { timer: new BootTimer(pattern, performance.now()), ...guest });
  }

  feed(sessionId: string, text: string): void {
    const armed = this.#armed.get(sessionId);
    const ready = armed?.timer.feed(text);
    if (!armed || !ready) return;
    this.#armed.delete(sessionId);
    const record: BootRecord = {
      id: armed.id,
      name: armed.name,
      readyMs: Math.round(ready.readyMs),
      pattern: ready.pattern,
      at: new Date().toISOString(),
    };
    this.#records.push(record);
    this.onBooted(record);
  }

  records(): BootRecord[] {
    return [...this.#records];
  }
}
