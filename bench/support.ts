import { spawn } from 'node-pty';
import type { ConsoleTarget } from '../src/shared/consoles';
import type { LabClient } from '../tests/support/lab-client';

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

export interface Contest {
  title: string;
  app: { label: string; run: (round: number) => Promise<number> };
  cli: { label: string; run: (round: number) => Promise<number> };
  /** The ratio Twinlab / CLI the issue asks for at most. */
  target: number;
  rounds?: number;
}

/**
 * Times Twinlab against the engine's own CLI doing the same thing: one warm-up each (first module
 * loads, the engine's first start of an image), then `rounds` of each interleaved so that load on
 * the machine falls on both alike; prints both medians with every round, and the ratio.
 */
export async function againstCli({ title, app, cli, target, rounds = 5 }: Contest): Promise<number> {
  const ours: number[] = [];
  const theirs: number[] = [];
  await app.run(-1);
  await cli.run(-1);
  for (let round = 0; round < rounds; round++) {
    ours.push(await app.run(round));
    theirs.push(await cli.run(round));
  }
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  console.log(`\n== ${title}, median of ${rounds} ==`);
  line(app.label, `${median(ours).toFixed(0)} ms  [${list(ours)}]`);
  line(cli.label, `${median(theirs).toFixed(0)} ms  [${list(theirs)}]`);
  const ratio = median(ours) / median(theirs);
  line(`ratio Twinlab / ${cli.label.split(' ')[0]} (target ≤ ${target})`, ratio.toFixed(2));
  return ratio;
}

/** Opens a guest's console through the lab, as the app does, and waits for `prompt`; answers the session. */
export async function consoleAtPrompt(
  client: LabClient,
  target: ConsoleTarget,
  prompt: RegExp,
): Promise<string> {
  const session = await client.call('console.open', { target, cols: 100, rows: 30 });
  const attached = await client.call('console.attach', { sessionId: session.id });
  await client.waitFor(
    () => prompt.test(attached.replay + client.output(session.id)),
    'the first prompt',
    30_000,
  );
  return session.id;
}
