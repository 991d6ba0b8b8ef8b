import { homedir } from 'node:os';
import { spawn, type IPty } from 'node-pty';
import { BackendSignals } from './backend-signals';
import type { BackendExit, ConsoleBackend } from './types';

export interface PtyOptions {
  cols: number;
  rows: number;
  cwd?: string;
  /** The whole environment of the program; default: this process's environment. */
  env?: Record<string, string | undefined>;
  /** $TERM for the program. */
  termName?: string;
  /**
   * How to read the program's end. Default: it exited by itself. `virsh console` ends when the
   * domain stops, which its owner may prefer to report as a lost guest.
   */
  classifyExit?: (exitCode: number, signal: number | undefined) => BackendExit;
  /** Rewrites the program's output before the session sees it (e.g. drops virsh's own banner). */
  filter?: (chunk: Buffer) => Buffer;
}

/** How long a program may take to end after SIGHUP before it gets SIGKILL. */
const hangupGraceMs = 2000;

/** A program under a pseudo-terminal on this host: a host shell, or `virsh console` for a VM. */
export function ptyBackend(file: string, args: string[], options: PtyOptions): ConsoleBackend {
  const signals = new BackendSignals();
  const pty: IPty = spawn(file, args, {
    name: options.termName ?? 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd ?? homedir(),
    env: options.env ?? process.env,
    // Raw bytes: the session decodes them itself, with one decoder across reconnects' boundaries.
    encoding: null,
  });
  // With `encoding: null` node-pty hands out Buffers, although its typings say string.
  pty.onData((chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const shown = options.filter ? options.filter(bytes) : bytes;
    if (shown.length > 0) signals.data(shown);
  });
  const exited = new Promise<void>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      const sig = signal === 0 ? undefined : signal;
      signals.exit(
        options.classifyExit?.(exitCode, sig) ?? {
          kind: 'exited',
          exitCode,
          ...(sig !== undefined && { signal: sig }),
        },
      );
      resolve();
    });
  });

  return {
    description: [file, ...args].join(' '),
    write: (data) => {
      if (!signals.exited) pty.write(data);
    },
    resize: (cols, rows) => {
      if (!signals.exited) pty.resize(cols, rows);
    },
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    onData: (listener) => signals.onData(listener),
    onExit: (listener) => signals.onExit(listener),
    async dispose() {
      if (signals.exited) return;
      // A paused pty would hold back the exit until node-pty's own socket timeout.
      pty.resume();
      pty.kill('SIGHUP');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), hangupGraceMs)),
      );
      if ((await Promise.race([exited, graceOver])) === 'timeout') pty.kill('SIGKILL');
      clearTimeout(timer);
    },
  };
}
