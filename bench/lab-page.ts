/**
 * Issue #14 item 7, scale: 100 guests (98 containers + 2 VMs) on the Lab page with live stats at
 * 1 Hz. The main process (here the browser-mode server, which runs the same lab core as Electron's
 * main) must use under 5 % of a core, and no more than the engine's own CLI (`docker stats`)
 * watching the same containers over a window of the same length, in this session. The engine side
 * (dockerd, containerd and the containers' shims) is printed beside each, since a stats stream
 * costs the daemon more than the client. Also the Lab page's time to interactive, median of 5 loads.
 *
 * Guests: containers from fixture-busybox, microVMs from fixture-microvm. TWINLAB_BENCH_GUESTS,
 * TWINLAB_BENCH_VMS and TWINLAB_BENCH_WINDOW_MS override 100, 2 and 30000. Needs `npm run build`.
 * Run: npm run bench:lab (exits by itself once it has cleaned up).
 *
 * Where the Lab's time to interactive goes here (98 containers + 2 VMs, fresh contexts, 2026-12-04):
 * the renderer's main thread is the limit, not the cores (Chromium pinned to one of this host's two
 * cores was only ~10-20 % slower). From navigation: the boot script runs at ~0.25 s; the app's
 * script is fetched, compiled and run by ~0.95 s (fewer, larger chunks did not help); React draws
 * the shell and nine cards in ~0.35 s (plain elements for the cards' buttons, badge and frame did
 * not measurably help); style, layout and the first paint ~0.3 s; Playwright's click ~0.2 s later.
 * The same steps take ~0.3-0.5 s on a static page and ~0.85 s on a page with React alone (one
 * component, the guest list awaited), so ≤ 1 s is out of reach here with React and Mantine; the
 * bench prints the static page's time beside the Lab's. The three catalogs were a quarter of the
 * script before the Lab drew (now one: ~0.1 s less) and templates.list parsed every template on
 * each load (now cached).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Guest } from '../src/shared/guest';
import { startServer } from '../tests/support/browser-mode';
import { startTestLab } from '../tests/support/lab-client';
import { launchChromium } from '../tests/e2e/support/browser';
import { loadUntil, loadUntilInteractive, startFloorPage, type PageLoad } from './page-load';
import { line, median } from './support';

const totalGuests = Number(process.env['TWINLAB_BENCH_GUESTS'] ?? 100);
const vmCount = Number(process.env['TWINLAB_BENCH_VMS'] ?? 2);
const windowMs = Number(process.env['TWINLAB_BENCH_WINDOW_MS'] ?? 30_000);
const prefix = `tl-bench-lab-${process.pid}`;
const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU ticks a process used: its own, and those of children it has reaped (virsh, docker helpers). */
async function cpuTicks(pid: number): Promise<{ own: number; withChildren: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15);
  return { own: utime + stime, withChildren: utime + stime + cutime + cstime };
}

/** dockerd, containerd and every containerd shim: the engine's side of watching containers. */
async function enginePids(): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const comms = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')));
  return pids.filter((_, index) => /^(dockerd|containerd|containerd-shim)/.test(comms[index] ?? ''));
}

/** Percent of one core each group of processes used while `during` ran. */
async function cpuPercentDuring(groups: Record<string, number[]>, during: () => Promise<void>) {
  const sum = async (pids: number[]) => {
    const ticks = await Promise.all(pids.map(cpuTicks));
    return ticks.reduce(
      (total, t) => ({ own: total.own + t.own, withChildren: total.withChildren + t.withChildren }),
      {
        own: 0,
        withChildren: 0,
      },
    );
  };
  const entries = Object.entries(groups);
  const before = await Promise.all(entries.map(([, pids]) => sum(pids)));
  const started = performance.now();
  await during();
  const after = await Promise.all(entries.map(([, pids]) => sum(pids)));
  const seconds = (performance.now() - started) / 1000;
  const percent = (ticks: number) => (ticks / ticksPerSecond / seconds) * 100;
  return Object.fromEntries(
    entries.map(([name], index) => [
      name,
      {
        own: percent((after[index]?.own ?? 0) - (before[index]?.own ?? 0)),
        withChildren: percent((after[index]?.withChildren ?? 0) - (before[index]?.withChildren ?? 0)),
      },
    ]),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends a child and waits until it has. `docker stats` ignores SIGTERM and SIGINT when it is not on
 * a terminal, so after a grace period it gets SIGKILL: a child left running kept this bench alive.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const grace = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(grace);
}

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

/** Every guest's card is on the page (the Lab draws a screenful first, then the rest). */
async function cardsShown(page: Page, names: string[]): Promise<void> {
  const cards = page.locator(names.map((name) => `[data-testid="guest-${name}"]`).join(', '));
  const deadline = performance.now() + 60_000;
  while ((await cards.count()) < names.length) {
    if (performance.now() > deadline) throw new Error(`not every one of ${names.length} cards in 60 s`);
    await sleep(20);
  }
}

/**
 * The Lab page before the renderer was split (one unminified 4.7 MB bundle, every card in one
 * commit, at 991c4b1), measured with this loop's definitions on 98 containers + 2 VMs, median of
 * 5, in the same session as a run of the split build (3.5 s and 6.5 s) on a 2-core host at load
 * average 10. This bench's earlier loop (all cards and a trial click) had read 9.4 s there.
 * Printed beside today's times; host load moves both, so compare within one session.
 */
const beforeSplit = { interactiveMs: 8_031, allCardsMs: 8_567 };
/** Issue #14's target for the Lab page with 100 guests. */
const targetInteractiveMs = 1_000;

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
  const names = guests.map((guest) => guest.name);
  const containerNames = guests.filter((guest) => guest.kind === 'container').map((guest) => guest.name);

  const server = await startServer();
  const browser = await launchChromium();
  try {
    // Time to interactive: from a fresh page's navigation until the Lab heading is there and a
    // click on the first guest card's Remove is answered (its confirmation opens). The newest
    // guest's card is the first one. Then the same steps on a static page: this host's floor.
    const loads: PageLoad[] = [];
    for (let i = 0; i < 5; i++)
      loads.push(await loadUntilInteractive(browser, server.url, names.at(-1) ?? ''));
    const allCards: number[] = [];
    for (let i = 0; i < 5; i++)
      allCards.push(await loadUntil(browser, server.url, (page) => cardsShown(page, names)));
    const floorPage = await startFloorPage(names.at(-1) ?? '');
    const floor: PageLoad[] = [];
    try {
      for (let i = 0; i < 5; i++)
        floor.push(await loadUntilInteractive(browser, floorPage.url, names.at(-1) ?? ''));
    } finally {
      await floorPage.close();
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    let liveCalls = 0;
    // A guest list per guests.changed event: other work on the same engines shows up here.
    let listCalls = 0;
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (typeof frame.payload !== 'string') return;
        if (frame.payload.includes('"guests.live"')) liveCalls++;
        if (frame.payload.includes('"guests.list"')) listCalls++;
      }),
    );
    await page.goto(server.url);
    await cardsShown(page, names);
    await sleep(10_000); // samplers and sparklines settle

    liveCalls = 0;
    listCalls = 0;
    let lags: number[] = [];
    const twinlab = await cpuPercentDuring({ main: [server.pid], engine: await enginePids() }, async () => {
      [lags] = await Promise.all([timerLag(page, windowMs), sleep(windowMs)]);
    });
    const liveHz = liveCalls / (windowMs / 1000);
    const listsInWindow = listCalls;

    // Responsiveness: go to another page and back while everything is live.
    const clicks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await page.getByRole('link', { name: 'Host', exact: true }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Host' }).waitFor();
      await page.getByRole('link', { name: 'Lab', exact: true }).click();
      await cardsShown(page, names);
      clicks.push(performance.now() - started);
    }
    await context.close();
    await sleep(7000); // nobody asks: the sampler stops (idle after 5 s)

    // The engine's own CLI watching the same containers for a window of the same length.
    const cli = spawn(
      'docker',
      ['stats', '--format', '{{.Name}} {{.CPUPerc}} {{.MemUsage}}', ...containerNames],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let cliErrors = '';
    cli.stderr.on('data', (chunk: Buffer) => (cliErrors += chunk.toString()));
    let cliCpu: Awaited<ReturnType<typeof cpuPercentDuring>>;
    try {
      await sleep(5000);
      cliCpu = await cpuPercentDuring({ cli: [cli.pid ?? 0], engine: await enginePids() }, async () => {
        await sleep(windowMs);
      });
      // A CLI that quit (a container gone meanwhile) would read as 0 % and flatter the ratio.
      if (cli.exitCode !== null || cli.signalCode !== null)
        throw new Error(
          `docker stats ended during its window (${cli.exitCode ?? cli.signalCode}): ${cliErrors}`,
        );
    } finally {
      await stopChild(cli);
    }

    const main = twinlab['main']?.own ?? NaN;
    const docker = cliCpu['cli']?.own ?? NaN;
    const sortedLags = [...lags].sort((a, b) => a - b);
    const p95 = sortedLags[Math.floor(sortedLags.length * 0.95)] ?? NaN;
    console.log(
      `\n== Lab page: ${guests.length} guests (${containerNames.length} containers, ${vmCount} VMs), live stats, ${windowMs / 1000} s window ==`,
    );
    line('guests on the Lab page', String(guests.length));
    const interactive = median(loads.map((load) => load.interactiveMs));
    line(
      `Lab page time to interactive, median of 5 loads (target ≤ ${targetInteractiveMs} ms; before the split)`,
      `${interactive.toFixed(0)} ms (${beforeSplit.interactiveMs} ms)${interactive > targetInteractiveMs ? ' — over the target' : ''}`,
    );
    const onPageClock = (of: PageLoad[]) =>
      (['firstContentfulPaintMs', 'headingInPageMs', 'dialogInPageMs'] as const)
        .map((key) => median(of.map((load) => load[key])).toFixed(0))
        .join(' / ');
    line('  … on the page’s clock: first paint / Lab heading / dialog open', `${onPageClock(loads)} ms`);
    line(
      'the same steps on a static page (the browser’s and Playwright’s own cost here)',
      `${median(floor.map((load) => load.interactiveMs)).toFixed(0)} ms (page clock ${onPageClock(floor)} ms)`,
    );
    line(
      `Lab page with all ${guests.length} cards drawn, median of 5 (before the split)`,
      `${median(allCards).toFixed(0)} ms (${beforeSplit.allCardsMs} ms)`,
    );
    line('guests.live calls per second (target ≈ 1)', liveHz.toFixed(2));
    line('guest lists the page asked for in the window (engine events)', String(listsInWindow));
    line('main process CPU, % of one core (target < 5)', `${main.toFixed(2)} %`);
    line(
      '  … with the helper processes it ran (virsh, qemu-img)',
      `${(twinlab['main']?.withChildren ?? NaN).toFixed(2)} %`,
    );
    line('docker stats CLI on the same containers, % of one core', `${docker.toFixed(2)} %`);
    line('ratio Twinlab main / docker stats CLI (target ≤ 1.0)', (main / docker).toFixed(2));
    const withEngine = (client: number, engine: number | undefined) => client + (engine ?? NaN);
    line(
      'ratio with the engine side, (main + engine) / (CLI + engine)',
      (withEngine(main, twinlab['engine']?.own) / withEngine(docker, cliCpu['engine']?.own)).toFixed(2),
    );
    line(
      'engine side while Twinlab watched (dockerd, containerd, shims)',
      `${(twinlab['engine']?.own ?? NaN).toFixed(2)} %`,
    );
    line('engine side while docker stats watched', `${(cliCpu['engine']?.own ?? NaN).toFixed(2)} %`);
    line(
      'page timer lag, median / p95 / max',
      `${median(lags).toFixed(1)} / ${p95.toFixed(1)} / ${Math.max(...lags).toFixed(1)} ms`,
    );
    line('Lab → Host → Lab with everything live, median of 5', `${median(clicks).toFixed(0)} ms`);
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
