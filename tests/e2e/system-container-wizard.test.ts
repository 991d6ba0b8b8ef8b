/**
 * New system container in Chromium against the real LXD, walked with the keyboard only: the
 * fixture template, the wizard's own limits, the Review's lxc launch line and YAML, Create, then
 * the console (PID 1 is init), Stats from LXD's /state and Inspect with the uid map; Remove leaves
 * no instance. With an LXD socket that does not answer, the Lab's button says why and where the fix
 * is. Pictured in English (light) and Simplified Chinese (dark).
 */
import { execFile } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/browser-mode';
import { engineGate } from '../support/engines';
import { AppShell } from './pages/app-shell';
import { LabPage } from './pages/lab-page';
import { SystemPage } from './pages/system-page';
import { SystemWizard } from './pages/system-wizard';
import { launchChromium } from './support/browser';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['lxd']);

/** Keyboard only: focus the control as Tab would, then press the key. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.page().keyboard.press(key);
}

async function typeInto(page: Page, input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

describe.skipIf(gate.skip)('New system container wizard in Chromium against LXD', () => {
  const suite = guestSuite((name) =>
    lxc('delete', '--force', name).then(
      () => undefined,
      () => undefined,
    ),
  );

  it('walks the wizard by keyboard, creates from the BusyBox system image, shows init as PID 1, removes it', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    const wizard = new SystemWizard(page);
    const system = new SystemPage(page);
    const name = `sys-e2e-${Math.floor(Math.random() * 0xffff).toString(16)}`;
    suite.created.add(name);

    await new AppShell(page).open('Lab');
    await wizard.openFromLab();
    await press(wizard.template('fixture-ladder'), 'Space');
    await expect.poll(() => wizard.template('fixture-ladder').getAttribute('aria-checked')).toBe('true');
    // The images LXD already has are offered too, by alias.
    await expect.poll(() => page.getByText('twinlab-fixture/busybox-system').count()).toBeGreaterThan(1);
    await capture(page, 'system-wizard-1-template-en-light');
    await press(page.getByTestId('wizard-next'));

    await wizard.waitForStep('Resources');
    // Each step starts with its heading focused, so a screen reader says where it is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wizard-step-title');
    expect(await wizard.memoryInput().inputValue()).toBe('64 MiB');
    await typeInto(page, wizard.nameInput(), name);
    await typeInto(page, wizard.memoryInput(), '48');
    await typeInto(page, wizard.cpusInput(), '1');
    await capture(page, 'system-wizard-2-resources-en-light');
    await press(page.getByTestId('wizard-next'));

    await wizard.waitForStep('Review');
    const launch = await wizard.launchLine();
    expect(launch).toContain(`lxc launch twinlab-fixture/busybox-system ${name}`);
    expect(launch).toContain('-c limits.memory=48MiB');
    expect(launch).toContain('-c limits.cpu=1');
    expect(launch).toContain('-c user.twinlab.managed=true');
    const yaml = await wizard.instanceYaml();
    expect(yaml).toContain(`name: ${name}`);
    expect(yaml).toContain('alias: twinlab-fixture/busybox-system');
    expect(await wizard.copyLaunchButton().isVisible()).toBe(true);
    expect(await lxc('list', '--format', 'csv', '-c', 'n', name)).toBe(''); // nothing made yet
    await capture(page, 'system-wizard-review-en-light');

    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await press(wizard.createButton());
    await page.waitForURL(new RegExp(`#/guests/${name}/console$`), { timeout: 60_000 });
    await expect.poll(() => system.state(), { timeout: 30_000 }).toBe('running');
    expect(await lxc('config', 'get', name, 'limits.memory')).toBe('48MiB\n');

    const terminal = system.terminal();
    await terminal.waitUntilOpen();
    await terminal.waitForText('#');
    await terminal.run('cat /proc/1/comm');
    await terminal.waitForText(/cat \/proc\/1\/comm\s*\n\s*init\s*\n/, 20_000);
    await capture(page, 'system-guest-console-en-light');

    await press(system.tab('Stats'));
    await page.getByRole('tab', { name: 'Stats', selected: true }).waitFor();
    await expect.poll(() => system.statsCard('memory').innerText(), { timeout: 20_000 }).toMatch(/\/ 48 MiB/);
    expect(Number((await system.statsCard('processes').innerText()).match(/\n(\d+)\n/)?.[1])).toBeGreaterThan(
      0,
    );
    await capture(page, 'system-guest-stats-en-light');

    await press(system.tab('Inspect'));
    await system.idmap().waitFor();
    expect(await system.idmap().innerText()).toMatch(/Root inside \(uid 0\) is uid [\d,]+ on the host/);
    expect(await page.getByTestId('system-host-pid').innerText()).toMatch(
      /Its init is PID \d+ on the host\./,
    );
    expect(await system.config().innerText()).toContain('user.twinlab.managed: "true"');
    await capture(page, 'system-guest-inspect-en-light');

    // Snapshots: take one, change a file, restore it by keyboard (with its confirmation).
    const marker = (text?: string) =>
      lxc('exec', name, '--', 'sh', '-c', text ? `echo ${text} > /root/marker` : 'cat /root/marker');
    await marker('before');
    await press(system.tab('Snapshots'));
    await page.getByTestId('snapshots-empty').waitFor();
    expect(await page.getByTestId('snapshot-name').inputValue()).toBe('snap0');
    await press(page.getByRole('button', { name: 'Take snapshot', exact: true }));
    await page.getByTestId('snapshot-snap0').waitFor({ timeout: 30_000 });
    await marker('after');
    await press(page.getByRole('button', { name: 'Restore snap0', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Restore the snapshot snap0?' });
    await dialog.waitFor();
    await capture(page, 'system-guest-snapshot-confirm-en-light');
    await press(dialog.getByRole('button', { name: 'Restore', exact: true }));
    await expect.poll(() => marker().then((text) => text.trim()), { timeout: 30_000 }).toBe('before');
    await expect.poll(() => system.state(), { timeout: 30_000 }).toBe('running');
    await capture(page, 'system-guest-snapshots-en-light');

    // The same pages in Simplified Chinese, dark.
    await new AppShell(page).chooseLanguage('简体中文');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('tab', { name: '快照', selected: true }).waitFor();
    await page.getByTestId('snapshot-snap0').waitFor();
    await capture(page, 'system-guest-snapshots-zh-CN-dark');
    await press(page.getByRole('tab', { name: '详情' }));
    await system.idmap().waitFor();
    await capture(page, 'system-guest-inspect-zh-CN-dark');
    await page.goto(`${suite.server.url.split('#')[0]}#/lab/new-system`);
    await page.locator('#wizard-step-title[data-step="template"]').waitFor();
    await press(wizard.template('fixture-ladder'), 'Space');
    await press(page.getByTestId('wizard-next'));
    await page.locator('#wizard-step-title[data-step="resources"]').waitFor();
    await press(page.getByTestId('wizard-next'));
    await page.locator('#wizard-step-title[data-step="review"]').waitFor();
    await wizard.launchLine();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('新建系统容器');
    await capture(page, 'system-wizard-review-zh-CN-dark');
    await new AppShell(page).chooseLanguage('English');
    await page.emulateMedia({ colorScheme: 'light' });

    // Remove from its page: nothing of it is left in LXD.
    await page.goto(`${suite.server.url.split('#')[0]}#/guests/${name}/console`);
    await system.heading().filter({ hasText: name }).waitFor();
    await system.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 30_000 });
    await expect.poll(() => lxc('list', '--format', 'csv', '-c', 'n', name), { timeout: 30_000 }).toBe('');
    suite.created.delete(name);
  }, 240_000);

  it('says why and where the fix is when LXD does not answer', async () => {
    const server = await startServer({ TWINLAB_LXD_SOCKET: '/nonexistent/lxd.socket' });
    const browser = await launchChromium();
    try {
      const { page } = await openTallApp(browser, server.url);
      await new AppShell(page).open('Lab');
      const button = new LabPage(page).page.getByTestId('new-system');
      await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('true');
      await press(button);
      const note = page.getByTestId('lxd-unavailable');
      await note.waitFor();
      expect(await note.innerText()).toMatch(/Neither LXD nor Incus answers/);
      expect(page.url()).toMatch(/#\/lab$/);
      // The dropdown fades in; picture it once it is opaque.
      await expect
        .poll(() =>
          note.evaluate((el) => getComputedStyle(el.closest('.mantine-Popover-dropdown') ?? el).opacity),
        )
        .toBe('1');
      await capture(page, 'system-button-unavailable-en-light');
      await press(note.getByRole('link', { name: 'Open the Host page for the fix' }));
      await page.waitForURL(/#\/host$/);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);
});
