/**
 * Issue "Containers end to end", performance:
 *  1. create → first prompt in the console through the app, vs `docker run -it` of the same image
 *     to its first prompt; median of 5 each, interleaved, in this one process session.
 *  2. a 50 MB flood through a console: main-process RSS growth, and how long a keystroke takes to
 *     echo while the flood runs.
 * Run: npm run bench (needs dockerd and the fixtures: scripts/setup-lab-host.sh).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestLab } from '../tests/support/lab-client';
import { againstCli, consoleAtPrompt, line, median, timeToOutput } from './support';

const run = promisify(execFile);
const image = 'twinlab-fixture/busybox:1';
// BusyBox's prompt in / (it may be followed by a cursor-position query, ESC[6n).
const prompt = /\/ # /;
const rounds = 5;
const prefix = `tl-bench-${process.pid}`;

const { lab, client } = await startTestLab('docker');

async function appCreateToPrompt(index: number): Promise<number> {
  const started = performance.now();
  const guest = await client.call('containers.create', {
    spec: { image, name: `${prefix}-app-${index}`, templateId: 'bench', memoryMiB: 64 },
    operationId: `bench-${index}`,
  });
  const sessionId = await consoleAtPrompt(client, { kind: 'container', guestId: guest.id }, prompt);
  const elapsed = performance.now() - started;
  await client.call('console.close', { sessionId });
  await client.call('containers.action', { id: guest.id, action: 'remove' });
  return elapsed;
}

async function cliRunToPrompt(index: number): Promise<number> {
  const elapsed = await timeToOutput(
    'docker',
    ['run', '-it', '--rm', '--memory', '64m', '--name', `${prefix}-cli-${index}`, image],
    prompt,
  );
  await run('docker', ['rm', '-f', `${prefix}-cli-${index}`]).catch(() => undefined);
  return elapsed;
}

await againstCli({
  title: 'Create → first prompt (fixture-busybox)',
  app: { label: 'through Twinlab (create, open console, attach, prompt)', run: appCreateToPrompt },
  cli: { label: 'docker run -it to its prompt', run: cliRunToPrompt },
  target: 1.15,
  rounds,
});

// --- flood --------------------------------------------------------------------------------------
const guest = await client.call('containers.create', {
  spec: { image, name: `${prefix}-flood`, templateId: 'bench', memoryMiB: 256 },
  operationId: 'bench-flood',
});
const session = await client.call('console.open', {
  target: { kind: 'container', guestId: guest.id },
  cols: 120,
  rows: 40,
});
const floodAttach = await client.call('console.attach', { sessionId: session.id });
await client.waitFor(
  () => prompt.test(floodAttach.replay + client.output(session.id)),
  'prompt before the flood',
  30_000,
);

// The viewer acks every chunk as it arrives (xterm.js calls back after writing it).
let received = 0;
const stopAcking = lab.events.subscribe((message) => {
  if (message.event !== 'console.data') return;
  const data = message.payload as { sessionId: string; data: string };
  if (data.sessionId !== session.id) return;
  received += data.data.length;
  void client.call('console.ack', { sessionId: session.id, chars: data.data.length });
});
client.events.length = 0; // keep the harness itself from holding 50 MB of output
const collecting = lab.events.subscribe(() => {
  if (client.events.length > 1000) client.events.splice(0, client.events.length - 10);
});

global.gc?.();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
const floodStarted = performance.now();
// seq 1 6000000 prints 52,888,896 characters (≈ 50 MB); 'DONE' marks the end.
await client.call('console.write', { sessionId: session.id, data: 'seq 1 6000000; echo FLOOD-DONE\r' });

const echoes: number[] = [];
const echoWatch = (marker: string) =>
  new Promise<number>((resolve) => {
    const sent = performance.now();
    const stop = lab.events.subscribe((message) => {
      if (message.event === 'console.data' && (message.payload as { data: string }).data.includes(marker)) {
        stop();
        resolve(performance.now() - sent);
      }
    });
    void client.call('console.write', { sessionId: session.id, data: marker });
  });
await new Promise((resolve) => setTimeout(resolve, 1000));
for (const marker of ['Q', 'W', 'X', 'Y', 'Z']) {
  echoes.push(await echoWatch(marker));
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const doneAt = await new Promise<number>((resolve) => {
  const stop = lab.events.subscribe((message) => {
    if (
      message.event === 'console.data' &&
      (message.payload as { data: string }).data.includes('FLOOD-DONE\r\n')
    ) {
      stop();
      resolve(performance.now());
    }
  });
});
clearInterval(sampler);
stopAcking();
collecting();

console.log('\n== 50 MB flood through one console ==');
line(
  'characters received',
  `${(received / 1e6).toFixed(1)} M in ${((doneAt - floodStarted) / 1000).toFixed(1)} s`,
);
line(
  'main-process RSS growth, peak (target < 100 MB)',
  `${((rssPeak - rssBefore) / 2 ** 20).toFixed(1)} MiB`,
);
line(
  'keystroke echo during the flood, median / max (target < 100 ms)',
  `${median(echoes).toFixed(0)} / ${Math.max(...echoes).toFixed(0)} ms`,
);

await client.call('console.close', { sessionId: session.id });
await client.call('containers.action', { id: guest.id, action: 'remove' });
client.close();
await lab.dispose();
