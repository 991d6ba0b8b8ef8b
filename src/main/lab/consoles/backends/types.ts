import type { TerminalSize } from '../terminal-size';

/** Why a backend's stream ended. */
export type BackendExit =
  /** The program in the console ended by itself (the user typed `exit`, the shell crashed). */
  | { kind: 'exited'; exitCode: number | null; signal?: number }
  /** The other side went away: the guest stopped or restarted, or its engine stopped answering. */
  | { kind: 'lost'; message: string };

/**
 * One live terminal stream: a pty on this host or an exec inside a container. The session on top
 * owns decoding, batching, flow control and reconnection; a backend only moves bytes.
 */
export interface ConsoleBackend {
  /** What runs, for logs and tests (e.g. `sh in 3f2a…`). */
  readonly description: string;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stop reading output, so the producer blocks once the OS buffers fill. */
  pause(): void;
  resume(): void;
  /** Ends the program (if it still runs) and releases the stream. Never rejects. */
  dispose(): Promise<void>;
  /** Raw output bytes; output that arrives before the first listener is kept for it. */
  onData(listener: (chunk: Buffer) => void): void;
  /** Fires once, after the last output. */
  onExit(listener: (exit: BackendExit) => void): void;
}

/** Makes a new backend for a session: called on open and again on every reconnect. */
export type ConnectBackend = (size: TerminalSize) => Promise<ConsoleBackend>;
