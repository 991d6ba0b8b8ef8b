import { ConsoleError } from './errors';

export interface TerminalSize {
  cols: number;
  rows: number;
}

/** Bounds of a terminal size; outside them a pty or dockerd would misbehave or refuse. */
export const terminalSizeBounds = { min: 1, max: 1000 } as const;

/** Throws a `bad-size` ConsoleError unless both dimensions are integers within the bounds. */
export function checkTerminalSize(cols: number, rows: number): TerminalSize {
  const ok = (value: number) =>
    Number.isInteger(value) && value >= terminalSizeBounds.min && value <= terminalSizeBounds.max;
  if (!ok(cols) || !ok(rows)) {
    throw new ConsoleError(
      'bad-size',
      `Terminal size ${cols}×${rows} is invalid: columns and rows must be whole numbers from ${terminalSizeBounds.min} to ${terminalSizeBounds.max}.`,
      {
        cols: String(cols),
        rows: String(rows),
      },
    );
  }
  return { cols, rows };
}
