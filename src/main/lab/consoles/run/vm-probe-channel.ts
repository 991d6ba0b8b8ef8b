import { randomBytes } from 'node:crypto';
import type { ConsoleBackend } from '../backends/types';
import { parseProbeAnswer, partialProbeOutput, pingLine, pongSeen, probeLines } from './vm-probe-protocol';
import type { SideRunResult } from './side-output';

/** How long a fresh channel waits for the probe shell's first answer before calling it silent. */
const pingMs = 5000;
/** After the guest's own timeout, how long the host still waits for the end marker. */
const endGraceMs = 5000;
/** Kept of what the channel received during one run: probes answer in a few lines. */
const maxReceivedChars = 2 * 1024 * 1024;

/** The channel is there but nothing answers on it (an older guest, or one still booting). */
export const SILENT = 'silent' as const;

/**
 * One VM's probe channel: `virsh console --devname serial1` kept open under a pty, talking to the
 * root shell the guest runs on its second serial port. One command at a time, each framed by
 * markers with a unique id and its exit code, so late output of an earlier run is never mistaken
 * for this one's. The virsh process lives as long as the domain runs; a stopped domain ends it and
 * the next run starts another.
 */
export class VmProbeChannel {
  #backend: ConsoleBackend | undefined;
  #exit: string | undefined;
  #received = '';
  #answered = false;
  readonly #listeners = new Set<() => void>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly connect: () => ConsoleBackend) {}

  /** Runs `command` in the guest; SILENT when no probe shell answered, without sending it. */
  run(command: string, timeoutMs: number): Promise<SideRunResult | typeof SILENT> {
    const next = this.#queue.then(
      () => this.#run(command, timeoutMs),
      () => this.#run(command, timeoutMs),
    );
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async dispose(): Promise<void> {
    const backend = this.#backend;
    this.#backend = undefined;
    this.#answered = false;
    await backend?.dispose();
  }

  async #run(command: string, timeoutMs: number): Promise<SideRunResult | typeof SILENT> {
    const backend = this.#open();
    this.#received = '';
    if (!this.#answered) {
      const id = newId();
      backend.write(pingLine(id));
      if (!(await this.#until(() => pongSeen(this.#received, id), Math.min(pingMs, timeoutMs)))) {
        this.#throwIfEnded();
        return SILENT;
      }
      this.#answered = true;
    }
    const id = newId();
    this.#received = '';
    const timeoutSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    for (const line of probeLines({ id, command, timeoutSeconds })) backend.write(line);
    let answer = parseProbeAnswer(this.#received, id);
    await this.#until(
      () => (answer = parseProbeAnswer(this.#received, id)) !== undefined,
      timeoutSeconds * 1000 + endGraceMs,
    );
    if (answer) return answer;
    this.#throwIfEnded();
    // The guest did not even end its own timeout: a fresh virsh and a new ping next time.
    const output = partialProbeOutput(this.#received, id);
    await this.dispose();
    return { output, exitCode: null, timedOut: true };
  }

  #open(): ConsoleBackend {
    if (this.#backend) return this.#backend;
    const backend = this.connect();
    this.#exit = undefined;
    backend.onData((chunk) => {
      if (this.#received.length < maxReceivedChars) this.#received += chunk.toString('utf8');
      for (const wake of this.#listeners) wake();
    });
    backend.onExit((exit) => {
      this.#exit = exit.kind === 'lost' ? exit.message : this.#received.trim() || 'virsh console ended';
      if (this.#backend === backend) {
        this.#backend = undefined;
        this.#answered = false;
      }
      for (const wake of this.#listeners) wake();
    });
    this.#backend = backend;
    return backend;
  }

  /** Resolves true once `done()` holds, false at the timeout or when the channel's virsh ended. */
  #until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.#listeners.delete(wake);
        resolve(value);
      };
      const wake = () => {
        if (done()) finish(true);
        else if (this.#exit !== undefined && !this.#backend) finish(false);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.#listeners.add(wake);
    });
  }

  #throwIfEnded(): void {
    if (this.#exit !== undefined && !this.#backend) throw new Error(this.#exit.replace(/^error:\s*/i, ''));
  }
}

function newId(): string {
  return randomBytes(6).toString('hex');
}
