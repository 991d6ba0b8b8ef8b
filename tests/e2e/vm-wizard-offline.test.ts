/**
 * The New VM wizard's offline check, in Chromium: with no mirror and no internet (this machine
 * reaches only npm and Debian), a cloud-image template whose image is not cached is marked on its
 * card and Next on the Template step refuses it with what to do (download when online, import the
 * file, or use a mirror) instead of walking Resources and Review into a failed Create. A template
 * whose files are on disk goes on to Resources.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../support/browser-mode';
import { launchChromium } from './support/browser';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { LabPage } from './pages/lab-page';
import { VmWizard } from './pages/vm-wizard';

/** Fedora's cloud image: never downloaded here (no mirror holds it). */
const offlineTemplate = 'fedora-cloud-vm';

describe('New VM refuses an image it cannot get, at the Template step', () => {
  let server: RunningServer;
  let browser: Browser;
  let home: string;

  beforeAll(async () => {
    // No mirror: neither this computer's mirror file nor a user setting.
    home = await mkdtemp(join(tmpdir(), 'twinlab-offline-'));
    server = await startServer({
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CONFIG_DIRS: join(home, 'none'),
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('marks the template, and Next explains what to do instead of going on', async () => {
    const { context, page } = await openTallApp(browser, server.url);
    const wizard = new VmWizard(page);
    await new AppShell(page).open('Lab');
    await new LabPage(page).newVmButton().click();
    await wizard.waitForStep('Template');

    const card = wizard.template(offlineTemplate);
    await card.getByText('Cannot be downloaded now', { exact: true }).waitFor({ timeout: 30_000 });
    await wizard.pickTemplate(offlineTemplate);
    await wizard.nextButton().click();
    const alert = page.getByTestId('vm-offline');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/does not answer/);
    for (const way of [/Connect to the internet/, /Import VM image/, /Host page/])
      expect(await alert.innerText()).toMatch(way);
    expect(await wizard.currentStep()).toBe('template');
    await card.scrollIntoViewIfNeeded();
    await capture(page, 'vm-wizard-offline-en-light');

    // A template whose kernel and initrd are on disk needs nothing from the network.
    await wizard.pickTemplate('fixture-microvm');
    expect(await alert.count()).toBe(0);
    await wizard.next('Resources');
    await context.close();
  }, 120_000);
});
