/**
 * Issue "Compare", performance: 30 guests on the Lab page with live stats at 1 Hz. The main
 * process (here the browser-mode server, which runs the same lab core as Electron's main) must use
 * under 5 % of a core, and the page must stay responsive. For scale, the engine's own CLI watching
 * the same guests (`docker stats`) is measured over a window of the same length, in this session.
 *
 * Guests: containers from fixture-busybox; microVMs from fixture-microvm, as many as fit (one per
 * core, at most a quarter of free memory; TWINLAB_BENCH_VMS overrides). Needs `npm run build`.
 * Run: npm run bench:lab
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, freemem } from 'node:os';
import type { Page } from 'playwright-core';
import type { Guest } from '../src/shared/guest';
import { startServer } from '../tests/support/browser-mode';
import { startTestLab } from '../tests/support/lab-client';
import { launchChromium } from '../tests/e2e/support/browser';
import { line, median } from './support';

const totalGuests = 30;
const windowMs = 30_000;
const prefix = `tl-bench-lab-${process.pid}`;
const ticksPerSecond = 100; // USER_HZ on Linux

const vmCount = Number(
  process.env['TWINLAB_BENCH_VMS'] ??
    Math.min(availableParallelism(), Math.floor((freemem() * 0.25) / (256 * 2 ** 20))),
);

/** CPU ticks a process used: its own, and those of children it has reaped (virsh, docker helpers). */
async function cpuTicks(pid: number): Promise<{ own: number; withChildren: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15);
  return { own: utime + stime, withChildren: utime + stime + cutime + cstime };
}

/** Percent of one core a process used while `during` ran. */
async function cpuPercentDuring(pid: number, during: () => Promise<void>) {
  const before = await cpuTicks(pid);
  const started = performance.now();
  await during();
  const after = await cpuTicks(pid);
  const seconds = (performance.now() - started) / 1000;
  const percent = (ticks: number) => (ticks / ticksPerSecond / seconds) * 100;
  return {
    own: percent(after.own - before.own),
    withChildren: percent(after.withChildren - before.withChildren),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How late the page's timers fire over `ms`: a busy main thread shows as lag. */
async function timerLag(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(async (duration) => {
    const lags: number[] = [];
    const end = performance.now() + duration;
    while (performance.now() < end) {
      const asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      lags.push(performance.now() - asked - 50);
    }
    return lags;
  }, ms);
}

const { lab, client } = await startTestLab('docker');
await client.waitFor(
  () => client.of('engines.status').some((status) => status.libvirt.state === 'up'),
  'libvirt to answer',
  30_000,
);
const guests: Guest[] = [];
try {
  for (let i = 0; i < vmCount; i++) {
    guests.push(
      await client.call('vms.create', {
        templateId: 'fixture-microvm',
        name: `${prefix}-vm-${i}`,
        operationId: `${prefix}-vm-${i}`,
      }),
    );
  }
  for (let i = guests.length; i < totalGuests; i++) {
    guests.push(
      await client.call('containers.create', {
        spec: { image: 'twinlab-fixture/busybox:1', name: `${prefix}-c-${i}`, templateId: 'fixture-busybox' },
        operationId: `${prefix}-c-${i}`,
      }),
    );
  }

  const server = await startServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    let liveCalls = 0;
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"guests.live"')) liveCalls++;
      }),
    );
    const loadStarted = performance.now();
    await page.goto(server.url);
    const names = guests.map((guest) => guest.name);
    const showsEveryGuest = () =>
      Promise.all(
        names.map((name) => page.getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 })),
      );
    await showsEveryGuest();
    const loadMs = performance.now() - loadStarted;
    await sleep(10_000); // samplers and sparklines settle

    liveCalls = 0;
    let lags: number[] = [];
    const app = await cpuPercentDuring(server.pid, async () => {
      [lags] = await Promise.all([timerLag(page, windowMs), sleep(windowMs)]);
    });
    const liveHz = liveCalls / (windowMs / 1000);

    // Responsiveness: go to another page and back while everything is live.
    const clicks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await page.getByRole('link', { name: 'Host' }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Host' }).waitFor();
      await page.getByRole('link', { name: 'Lab' }).click();
      // Cards render in one commit: the first and last guest being there means all are.
      for (const name of [names[0], names.at(-1)])
        await page
          .getByText(name ?? '', { exact: true })
          .first()
          .waitFor();
      clicks.push(performance.now() - started);
    }

    // The engine's own CLI watching the same containers for a window of the same length.
    const containerNames = guests.filter((guest) => guest.kind === 'container').map((guest) => guest.name);
    const cli = spawn(
      'docker',
      ['stats', '--format', '{{.Name}} {{.CPUPerc}} {{.MemUsage}}', ...containerNames],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    await sleep(5000);
    const cliCpu = await cpuPercentDuring(cli.pid ?? 0, async () => {
      await sleep(windowMs);
    });
    cli.kill();

    const sortedLags = [...lags].sort((a, b) => a - b);
    const p95 = sortedLags[Math.floor(sortedLags.length * 0.95)] ?? NaN;
    console.log(
      `\n== Lab page: ${guests.length} guests (${vmCount} VMs), live stats, ${windowMs / 1000} s window ==`,
    );
    line('Lab page showed every guest after', `${loadMs.toFixed(0)} ms`);
    line('guests.live calls per second (target ≈ 1)', liveHz.toFixed(2));
    line('main process CPU, % of one core (target < 5)', `${app.own.toFixed(2)} %`);
    line('  … with the helper processes it ran (virsh, qemu-img)', `${app.withChildren.toFixed(2)} %`);
    line('docker stats CLI on the same containers, % of one core', `${cliCpu.own.toFixed(2)} %`);
    line('ratio Twinlab main / docker stats CLI', (app.own / cliCpu.own).toFixed(2));
    line(
      'page timer lag, median / p95 / max',
      `${median(lags).toFixed(1)} / ${p95.toFixed(1)} / ${Math.max(...lags).toFixed(1)} ms`,
    );
    line('Lab → Host → Lab with everything live, median of 5', `${median(clicks).toFixed(0)} ms`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  for (const guest of guests) {
    const removing =
      guest.kind === 'vm'
        ? client.call('vms.action', { id: guest.id, action: 'remove' })
        : client.call('containers.action', { id: guest.id, action: 'remove' });
    await removing.catch((error: unknown) =>
      console.error(`could not remove ${guest.name}: ${String(error)}`),
    );
  }
  client.close();
  await lab.dispose();
}
