/** Minimal leveled logger: main-process logs go to stderr; TWINLAB_LOG=debug shows more. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

export function createLogger(scope: string, level: LogLevel = envLevel()): Logger {
  const write = (at: LogLevel) => (msg: string, extra?: unknown) => {
    if (order[at] < order[level]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} [${scope}] ${msg}`;
    if (extra === undefined) console.error(line);
    else console.error(line, extra);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function envLevel(): LogLevel {
  const level = process.env['TWINLAB_LOG'];
  return level === 'debug' || level === 'warn' || level === 'error' ? level : 'info';
}

/**
 * A closed reader of stdout or stderr (a terminal gone, a pipe's other end ended) makes each write
 * fail with EPIPE, which Node raises as an 'error' on the stream: unhandled, it reaches the
 * last-resort uncaughtException logger, whose own line fails the same way, and so on, a core busy
 * for as long as the process lives (three such servers here spun at ~20 % each for hours and did
 * not end on SIGTERM). With a listener the failed lines are simply lost, as there is nobody to read.
 */
export function ignoreClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}
