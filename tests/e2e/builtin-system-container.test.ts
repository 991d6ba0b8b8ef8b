/**
 * The built-in Debian 12 system container (remote images, image debian/12) made from the New system
 * container wizard in Chromium on the real LXD, offline: the machine's mirror setting sends the
 * download to the lab's HTTP mirror, whose simplestreams stand-in holds Debian 12 with systemd
 * (scripts/publish-simplestreams.sh). The Review names the image's local alias, the create shows
 * the download, the console is bash in a system whose PID 1 is systemd. The image it imported is
 * removed afterwards, so every run downloads again. Pictured in English (light); the template step
 * also in Simplified Chinese and Korean (dark), where the built-ins carry their own translations.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { AppShell } from './pages/app-shell';
import { SystemPage } from './pages/system-page';
import { SystemWizard } from './pages/system-wizard';
import { screenshotDir } from './support/browser';
import { capture, guestSuite, openTallApp, otherLanguages } from './support/guest-wizard';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const alias = 'images.linuxcontainers.org/debian/12';
/** Removes the image a run imported (by its alias), so the next run downloads it again. */
async function removeImported(): Promise<void> {
  const target = await lxc('query', `/1.0/images/aliases/${alias}`).then(
    (json) => (JSON.parse(json) as { target: string }).target,
    () => undefined,
  );
  if (target) await lxc('image', 'delete', target);
}

const gate = await engineGate(['lxd']);
const stream = 'http://127.0.0.1:8787/images.linuxcontainers.org/streams/v1/index.json';
const mirrorServes = await fetch(stream, { signal: AbortSignal.timeout(3000) }).then(
  async (response) => {
    await response.body?.cancel(); // never left paused (nodejs/undici#5360)
    return response.ok;
  },
  () => false,
);
if (!mirrorServes && process.env['CI'])
  throw new Error(`CI requires the simplestreams stand-in at ${stream}: run scripts/build-mirror.sh`);

/** The app's first screen, given time: on a machine at load 30 its first render has taken over 30 s. */
async function appReady(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link').first().waitFor({ timeout: 90_000 });
}

async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.page().keyboard.press(key);
}

describe.skipIf(gate.skip || !mirrorServes)('the built-in Debian 12 system container in Chromium', () => {
  const suite = guestSuite(async (name) => {
    await lxc('delete', '--force', name).catch(() => undefined);
    await removeImported().catch(() => undefined);
  });

  it('downloads debian/12 through the mirror, boots systemd and opens bash, then removes it', async () => {
    await removeImported();
    const { page } = await openTallApp(suite.browser, suite.server.url);
    await appReady(page);
    const wizard = new SystemWizard(page);
    const system = new SystemPage(page);
    const name = `debian-e2e-${Math.floor(Math.random() * 0xffff).toString(16)}`;
    suite.created.add(name);

    await new AppShell(page).open('Lab');
    await wizard.openFromLab();
    for (const id of ['alpine-system', 'debian-12-system', 'ubuntu-2404-system'])
      await wizard.template(id).waitFor();
    await press(wizard.template('debian-12-system'), 'Space');
    await expect.poll(() => wizard.template('debian-12-system').getAttribute('aria-checked')).toBe('true');
    await capture(page, 'system-wizard-builtin-templates-en-light');
    await press(page.getByTestId('wizard-next'));

    await wizard.waitForStep('Resources');
    expect(await wizard.memoryInput().inputValue()).toBe('256 MiB');
    await wizard.nameInput().fill(name);
    await press(page.getByTestId('wizard-next'));

    await wizard.waitForStep('Review');
    expect(await wizard.launchLine()).toContain(`lxc launch ${alias} ${name}`);
    expect(await wizard.instanceYaml()).toContain(`alias: ${alias}`);
    await capture(page, 'system-wizard-builtin-review-en-light');

    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await press(wizard.createButton());
    // The image is not in LXD's store yet: the create passes through the download step (the
    // download, then the import into LXD's store, several seconds here).
    await page
      .locator('li[aria-current="step"]', { hasText: 'Downloading the image (only once' })
      .waitFor({ timeout: 60_000 });
    await capture(page, 'system-wizard-builtin-downloading-en-light');
    await page.waitForURL(new RegExp(`#/guests/${name}/console$`), { timeout: 120_000 });
    await expect.poll(() => system.state(), { timeout: 30_000 }).toBe('running');

    const terminal = system.terminal();
    await terminal.waitUntilOpen();
    await terminal.waitForText(`root@${name}:~#`, 30_000);
    await terminal.run('cat /proc/1/comm');
    await terminal.waitForText(/cat \/proc\/1\/comm\s*\n\s*systemd\s*\n/, 20_000);
    await capture(page, 'system-builtin-debian-console-en-light');
    expect(await lxc('query', `/1.0/images/aliases/${alias}`)).toContain('"target"');

    await system.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 30_000 });
    await expect.poll(() => lxc('list', '--format', 'csv', '-c', 'n', name), { timeout: 30_000 }).toBe('');
    suite.created.delete(name);
    await removeImported();
  }, 300_000);

  it('shows the system side on the Templates page, its image as lxc writes it', async () => {
    const { page, context } = await openTallApp(suite.browser, suite.server.url);
    await appReady(page);
    try {
      await new AppShell(page).open('Templates');
      const card = page.getByTestId('template-debian-12-system');
      const side = card.locator('[data-side="system"][data-present="true"]');
      await side.waitFor();
      expect(await side.innerText()).toBe('System container');
      expect(await card.innerText()).toContain('images:debian/12');
      // A twin without a system side shows no system row at all (LXD is optional).
      expect(await page.getByTestId('template-debian-twin').locator('[data-side="system"]').count()).toBe(0);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(screenshotDir, 'templates-debian-12-system-en-light.png') });
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(otherLanguages)(
    'lists the built-in system containers by their %s names, in the dark',
    async (label, locale) => {
      const { page, context } = await openTallApp(suite.browser, suite.server.url, { colorScheme: 'dark' });
      await appReady(page);
      try {
        await new AppShell(page).chooseLanguage(label);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
        await page.goto(`${suite.server.url.split('#')[0]}#/lab/new-system`);
        const names = { 'zh-CN': 'Debian 12 系统容器', ko: 'Debian 12 시스템 컨테이너' } as const;
        await new SystemWizard(page)
          .template('debian-12-system')
          .filter({ hasText: names[locale] })
          .waitFor();
        await capture(page, `system-wizard-builtin-templates-${locale}-dark`);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
