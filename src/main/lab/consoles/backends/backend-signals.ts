import type { BackendExit } from './types';

/**
 * The data and exit signals of a backend. Until a listener is set, output and the exit are held,
 * so nothing is lost between starting the program and the session wiring itself up.
 */
export class BackendSignals {
  #dataListener: ((chunk: Buffer) => void) | undefined;
  #exitListener: ((exit: BackendExit) => void) | undefined;
  #early: Buffer[] = [];
  #exit: BackendExit | undefined;
  #exitDelivered = false;

  get exited(): boolean {
    return this.#exit !== undefined;
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.#dataListener = listener;
    const early = this.#early;
    this.#early = [];
    for (const chunk of early) listener(chunk);
    this.#deliverExit();
  }

  onExit(listener: (exit: BackendExit) => void): void {
    this.#exitListener = listener;
    this.#deliverExit();
  }

  data(chunk: Buffer): void {
    if (this.#dataListener) this.#dataListener(chunk);
    else this.#early.push(chunk);
  }

  exit(exit: BackendExit): void {
    if (this.#exit) return;
    this.#exit = exit;
    this.#deliverExit();
  }

  #deliverExit(): void {
    // Held back while early output waits for its listener: the exit must come after the last output.
    if (!this.#exit || !this.#exitListener || this.#exitDelivered || this.#early.length > 0) return;
    this.#exitDelivered = true;
    this.#exitListener(this.#exit);
  }
}
