import type { BackendExit, ConsoleBackend } from '../../../src/main/lab/consoles/backends/types';

/** A backend under the test's control: it records what the session does and emits on demand. */
export class FakeBackend implements ConsoleBackend {
  readonly description = 'fake';
  readonly written: string[] = [];
  readonly sizes: Array<[number, number]> = [];
  paused = false;
  pauseCalls = 0;
  resumeCalls = 0;
  disposed = false;
  #data: ((chunk: Buffer) => void) | undefined;
  #exit: ((exit: BackendExit) => void) | undefined;

  write(data: string): void {
    this.written.push(data);
  }
  resize(cols: number, rows: number): void {
    this.sizes.push([cols, rows]);
  }
  pause(): void {
    this.paused = true;
    this.pauseCalls++;
  }
  resume(): void {
    this.paused = false;
    this.resumeCalls++;
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
  onData(listener: (chunk: Buffer) => void): void {
    this.#data = listener;
  }
  onExit(listener: (exit: BackendExit) => void): void {
    this.#exit = listener;
  }

  emit(data: string | Buffer): void {
    this.#data?.(typeof data === 'string' ? Buffer.from(data) : data);
  }
  end(exit: BackendExit = { kind: 'lost', message: 'gone' }): void {
    this.#exit?.(exit);
  }
}
