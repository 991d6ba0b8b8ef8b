/**
 * The whole ladder in one twin, in Chromium against Docker (runc and gVisor), LXD and libvirt:
 * New twin from fixture-ladder (scripts/setup-lxd.sh writes it) shows four consoles, and with
 * Type in all `cat /proc/1/comm` answers `init` in the system container and the shell in the app
 * container. Pictured in English (light) and Simplified Chinese (dark).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { AppShell } from './pages/app-shell';
import { ComparePage } from './pages/compare-page';
import { HostPage } from './pages/host-page';
import { LabPage } from './pages/lab-page';
import { TwinWizard } from './pages/twin-wizard';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt', 'lxd']);

/** Removes a guest with its engine's CLI (lxc gets an empty stdin: it reads config from a pipe). */
async function removeGuest(guest: string): Promise<void> {
  if (guest.endsWith('-vm')) {
    await run('virsh', ['-c', 'qemu:///system', 'destroy', guest]).catch(() => undefined);
    await run('virsh', ['-c', 'qemu:///system', 'undefine', guest]).catch(() => undefined);
  } else if (guest.endsWith('-system')) {
    await new Promise((resolve) => execFile('lxc', ['delete', '--force', guest], resolve).stdin?.end());
  } else await run('docker', ['rm', '-f', guest], { timeout: 30_000 }).catch(() => undefined);
}

describe.skipIf(gate.skip)('a twin with a system container (LXD) in Chromium', () => {
  const name = `ladder-${Math.floor(Math.random() * 0xffff).toString(16)}`;
  const guests = ['container', 'sandbox', 'system', 'vm'].map((role) => `${name}-${role}`);
  const suite = guestSuite(removeGuest);

  it('makes four columns, and PID 1 is init only in the system container', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    const wizard = new TwinWizard(page);
    const compare = new ComparePage(page);
    await new AppShell(page).open('Lab');
    await new LabPage(page).newTwinButton().click();
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-ladder');
    await wizard.next('Name');
    await wizard.nameInput().fill(name);
    for (const guest of guests) suite.created.add(guest);
    expect(await wizard.guestNames()).toEqual(guests);

    await wizard.next('Review');
    const launch = (await page.getByTestId('lxc-launch').textContent()) ?? '';
    expect(launch).toContain(`lxc launch twinlab-fixture/busybox-system ${name}-system`);
    expect(launch).toContain('limits.memory=64MiB');
    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await wizard.createButton().click();
    await wizard.progress().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId(/^create-part-/).count()).toBe(4);
    await page.waitForURL(/#\/compare\/[0-9a-f-]{36}$/, { timeout: 120_000 });
    await page.setViewportSize({ width: 1600, height: 900 });

    // The ladder, left to right: app container, sandbox, system container, VM.
    await expect.poll(() => compare.paneLabels(), { timeout: 30_000 }).toHaveLength(4);
    const labels = await compare.paneLabels();
    expect(labels.slice(0, 3)).toEqual(['Container · runc', 'Sandbox · gVisor', 'System container · LXD']);
    expect(labels[3]).toMatch(/^VM · QEMU/);
    const [appLabel, , systemLabel, vmLabel] = labels;
    if (!appLabel || !systemLabel || !vmLabel) throw new Error('four panes');
    for (const label of labels) await compare.terminal(label).waitUntilOpen(60_000);
    await compare.terminal(vmLabel).waitForText('TWINLAB-READY', 60_000);

    await compare.typeInAll().check();
    await compare.terminal(appLabel).run('cat /proc/1/comm');
    await compare.terminal(systemLabel).waitForText(/cat \/proc\/1\/comm\s*\n\s*init\s*\n/, 30_000);
    // The app container's PID 1 is its shell: the program it was made to run, no init at all.
    await compare.terminal(appLabel).waitForText(/cat \/proc\/1\/comm\s*\n\s*sh\s*\n/, 30_000);
    await compare.typeInAll().uncheck();
    // Measured from LXD's /state: the system container's memory, next to the others'.
    await expect
      .poll(async () => (await compare.rowValues('hostMemory'))[2] ?? '', { timeout: 30_000 })
      .toMatch(/\d/);
    expect((await compare.rowValues('memoryLimit'))[2]).toBe('64 MiB');
    await capture(page, 'compare-ladder-en-light');

    await new AppShell(page).chooseLanguage('简体中文');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => compare.paneLabels()).toContain('系统容器 · LXD');
    await capture(page, 'compare-ladder-zh-CN-dark');
  }, 300_000);

  it('the Host page lists LXD under System containers, running and initialised', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    const host = new HostPage(page);
    await new AppShell(page).open('Host');
    await host.waitForReport();
    await expect.poll(() => host.checkStatus('lxd-reachable'), { timeout: 30_000 }).toBe('ok');
    expect(await host.check('lxd-reachable').textContent()).toMatch(
      /LXD \d+\.\d+(\.\d+)? is running and ready/,
    );
    await page.getByRole('heading', { name: 'System containers' }).waitFor();
    await capture(page, 'host-lxd-check');
  }, 120_000);
});
