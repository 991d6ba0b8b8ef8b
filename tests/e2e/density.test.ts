import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { DensityPage } from './pages/density-page';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const templateName = 'BusyBox twin (offline fixture)';

const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });

/**
 * Guests of this server's density runs still on the host, by the engines' own CLIs: their twin id is
 * density-<server pid>-<run> (the io.twinlab.twin label of a container, the twinlab metadata of a
 * domain). Runs of other processes (an integration test beside this one) are not ours to judge.
 */
async function densityGuestsLeft(serverPid: number): Promise<string[]> {
  const ours = `density-${serverPid}-`;
  const containers = await run(
    'docker',
    ['ps', '-a', '--filter', 'label=io.twinlab.twin', '--format', '{{.Names}}\t{{.Label "io.twinlab.twin"}}'],
    { timeout: 30_000 },
  );
  const left = containers.stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, twin]) => twin?.startsWith(ours))
    .map(([name]) => name ?? '');
  const domains = (await virsh('list', '--all', '--name')).stdout.split('\n').map((name) => name.trim());
  for (const domain of domains.filter(Boolean)) {
    const metadata = await virsh('metadata', domain, 'https://twinlab.dev/xmlns/domain/1').catch(() => ({
      stdout: '',
    }));
    if (metadata.stdout.includes(`>${ours}`)) left.push(domain);
  }
  return left;
}

/** The whole page in the window, so the fixed status bar does not land over the result. */
async function fitWindowToPage(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(height, 800) });
}

describe.skipIf(gate.skip)('How many fit? in Chromium against Docker and libvirt', () => {
  const app = appUnderTest();

  it('runs containers and VMs of fixture-twin, draws them, names the ratio and the workload, and exports it', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const density = new DensityPage(page);
    await density.startIdleRun(templateName, 2048, 3);

    // Points arrive one by one while it runs, then the result replaces the live view.
    await expect.poll(() => density.status().innerText(), { timeout: 60_000 }).toMatch(/guests? running/);
    await density.result().waitFor({ timeout: 240_000 });
    // The row's text says why a kind stopped (the service's sentence), should it have stopped early.
    expect(await density.guestsMeasured('container'), await density.kindRow('container').innerText()).toBe(3);
    expect(
      await density.guestsMeasured('vm'),
      await density.kindRow('vm').innerText(),
    ).toBeGreaterThanOrEqual(1);
    expect(await density.chartLines().count()).toBe(2);
    const ratio = await density.ratio().innerText();
    expect(ratio).toMatch(/Containers fit [\d.,]+× more than VMs in 2 GiB, workload: idle\./);
    await fitWindowToPage(page);
    await capture(page, 'density-chart-en-light');
    expect(await densityGuestsLeft(app.server.pid)).toEqual([]);

    const markdown = await readFile((await (await density.export('Markdown')).path()) ?? '', 'utf8');
    const sentence =
      /Containers fit [\d.,]+× more than VMs in 2 GiB, workload: idle\./.exec(ratio)?.[0] ?? 'ratio';
    expect(markdown).toContain(sentence);
    expect(markdown).toContain('| Workload | idle |');
    expect(markdown).toContain('| Host memory budget | 2 GiB |');
    expect(markdown).toMatch(/\| Host memory per guest \| [\d.]+ [KMG]iB \| [\d.]+ [KMG]iB \|/);
    await context.close();
  }, 300_000);

  it('shows the last result when the page opens, in Korean and dark', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await new AppShell(page).chooseLanguage('한국어');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByRole('navigation').getByRole('link', { name: '몇 개나 들어갈까?', exact: true }).click();
    const density = new DensityPage(page);
    await density.result().waitFor({ timeout: 30_000 });
    expect(await density.ratio().innerText()).toMatch(
      /컨테이너가 가상 머신보다 [\d.,]+× 더 들어갑니다\. 워크로드: 유휴\./,
    );
    await fitWindowToPage(page);
    await capture(page, 'density-chart-ko-dark');
    await context.close();
  }, 60_000);

  it('cancels a run half way and leaves no guest behind', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const density = new DensityPage(page);
    await density.startIdleRun(templateName, 1024, 20);
    await expect.poll(() => density.status().innerText(), { timeout: 60_000 }).toMatch(/guests? running/);
    await density.cancelButton().click();
    await density.result().waitFor({ timeout: 120_000 });
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    expect(await densityGuestsLeft(app.server.pid)).toEqual([]);
    await fitWindowToPage(page);
    await capture(page, 'density-cancelled-en-light');
    await context.close();
  }, 240_000);
});
