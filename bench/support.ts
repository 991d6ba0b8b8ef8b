import { spawn } from 'node-pty';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Runs a command under a pty (as a user at a terminal would) and resolves when `marker` appears. */
export function timeToOutput(
  file: string,
  args: string[],
  marker: RegExp,
  timeoutMs = 60_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const pty = spawn(file, args, { name: 'xterm-256color', cols: 100, rows: 30, env: process.env });
    let seen = '';
    const timer = setTimeout(() => {
      pty.kill();
      reject(
        new Error(
          `${file} ${args.join(' ')}: no ${marker} within ${timeoutMs} ms; saw ${JSON.stringify(seen.slice(-200))}`,
        ),
      );
    }, timeoutMs);
    pty.onData((data) => {
      seen += data;
      if (marker.test(seen)) {
        const elapsed = performance.now() - started;
        clearTimeout(timer);
        pty.kill();
        resolve(elapsed);
      }
    });
  });
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}
