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
