import { spawn, type IPty } from 'node-pty';

/**
 * A VM's serial console the way cockpit-machines opens it: `virsh console NAME --force` under a
 * pty. Test-only: the app's console sessions (flow control, replay) live in the consoles module.
 */
export class SerialConsole {
  #output = '';
  readonly #waiters = new Set<() => void>();
  readonly #pty: IPty;
  readonly #chunkListeners = new Set<(chunk: string) => void>();

  constructor(uri: string, name: string) {
    this.#pty = spawn('virsh', ['-c', uri, 'console', name, '--force'], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    this.#pty.onData((chunk) => {
      this.#output += chunk;
      for (const listener of this.#chunkListeners) listener(chunk);
      for (const wake of this.#waiters) wake();
    });
  }

  get output(): string {
    return this.#output;
  }

  onChunk(listener: (chunk: string) => void): void {
    this.#chunkListeners.add(listener);
  }

  write(text: string): void {
    this.#pty.write(text);
  }

  /** Resolves with the match once `pattern` appears in the output after `fromIndex`. */
  waitFor(pattern: RegExp | string, timeoutMs: number, fromIndex = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const rest = this.#output.slice(fromIndex);
        const match =
          typeof pattern === 'string'
            ? rest.includes(pattern)
              ? pattern
              : undefined
            : pattern.exec(rest)?.[0];
        if (match === undefined) return false;
        cleanup();
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${String(pattern)}; console so far:\n${this.#output.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      const wake = () => void check();
      if (!check()) this.#waiters.add(wake);
    });
  }

  /** Ctrl+] leaves virsh console; then the pty is closed. */
  close(): void {
    try {
      this.#pty.write('\x1d');
      this.#pty.kill();
    } catch {
      // already gone
    }
  }
}
