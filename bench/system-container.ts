/**
 * Issue "System containers", performance: create → first prompt of a system container through
 * Twinlab (systems.create, console.open, attach, prompt) vs LXD's own CLI to the same prompt
 * (`lxc launch` + `lxc exec NAME -- sh` under a pty), median of 5 each, interleaved, in this one
 * process session. Then the host memory the kernel accounts to the idle system container, beside
 * an app container of the same BusyBox userland. Target: ratio ≤ 1.15.
 * Run: npm run bench:systems (needs LXD and dockerd set up by scripts/setup-lab-host.sh).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestLab } from '../tests/support/lab-client';
import { againstCli, consoleAtPrompt, line, timeToOutput } from './support';

const run = promisify(execFile);
const image = 'twinlab-fixture/busybox-system';
// BusyBox sh as root, wherever exec starts it (/ or /root): "/ # " or "~ # ".
const prompt = /[/~] # /;
const rounds = 5;
const prefix = `tl-bench-sys-${process.pid}`;

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 120_000 }, (error) => (error ? reject(error) : resolve()));
    child.stdin?.end();
  });

const { lab, client } = await startTestLab('docker');
await client.waitFor(() => client.of('engines.status').length > 0, 'the engines', 30_000);

async function appCreateToPrompt(index: number): Promise<number> {
  const started = performance.now();
  const guest = await client.call('systems.create', {
    spec: { source: { kind: 'image', image }, name: `${prefix}-app-${index}`, memoryMiB: 64 },
    operationId: `bench-sys-${index}`,
  });
  const sessionId = await consoleAtPrompt(client, { kind: 'system', guestId: guest.id }, prompt);
  const elapsed = performance.now() - started;
  await client.call('console.close', { sessionId });
  await client.call('systems.action', { id: guest.id, action: 'remove' });
  return elapsed;
}

async function cliLaunchToPrompt(index: number): Promise<number> {
  const name = `${prefix}-cli-${index}`;
  const started = performance.now();
  await lxc('launch', image, name, '-c', 'limits.memory=64MiB');
  const launched = performance.now() - started;
  const exec = await timeToOutput('lxc', ['exec', name, '--', 'sh'], prompt);
  await lxc('delete', '--force', name).catch(() => undefined);
  return launched + exec;
}

await againstCli({
  title: `System container: create → first prompt (${image})`,
  app: { label: 'through Twinlab (create, open console, attach, prompt)', run: appCreateToPrompt },
  cli: { label: 'lxc launch + lxc exec … sh to its prompt', run: cliLaunchToPrompt },
  target: 1.15,
  rounds,
});

// --- host memory: the idle system container beside an app container of the same userland -------
const system = await client.call('systems.create', {
  spec: { source: { kind: 'image', image }, name: `${prefix}-mem`, memoryMiB: 64 },
  operationId: 'bench-sys-mem',
});
const container = await client.call('containers.create', {
  spec: { image: 'twinlab-fixture/busybox:1', name: `${prefix}-mem-app`, templateId: 'bench', memoryMiB: 64 },
  operationId: 'bench-sys-mem-app',
});
await new Promise((resolve) => setTimeout(resolve, 3000)); // let both settle after start
const systemStats = await client.call('systems.stats', { id: system.id });
const containerStats = await client.call('containers.stats', { id: container.id });
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
console.log('\n== Host memory of an idle guest (the kernel’s accounting of its cgroup) ==');
line(`system container (init + sh), ${systemStats.processes} processes`, mib(systemStats.memoryBytes));
line(`app container (sh), ${containerStats.pids} processes`, mib(containerStats.memoryBytes));

await client.call('systems.action', { id: system.id, action: 'remove' });
await client.call('containers.action', { id: container.id, action: 'remove' });
await run('docker', ['rm', '-f', `${prefix}-mem-app`]).catch(() => undefined);
client.close();
await lab.dispose();
