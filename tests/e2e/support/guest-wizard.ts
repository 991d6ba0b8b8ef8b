import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../support/browser-mode';
import { AppShell } from '../pages/app-shell';
import { ContainerWizard } from '../pages/container-wizard';
import { LabPage } from '../pages/lab-page';
import { launchChromium, openApp, screenshot, type PageOptions } from './browser';

/**
 * A full page capture with the page scrolled to the top, in a window tall enough that the fixed
 * header and footer do not land in the middle of the picture.
 */
export async function capture(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

export interface GuestSuite {
  server: RunningServer;
  browser: Browser;
  /** Every guest the file named, removed in afterAll whatever happened. */
  created: Set<string>;
}

/**
 * Starts the app in browser mode and Chromium before the file's tests, and afterwards removes
 * every guest still in `created` (with `remove`, which must not throw), then stops both.
 */
export function guestSuite(remove: (name: string) => Promise<void>): GuestSuite {
  const suite = { created: new Set<string>() } as GuestSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const name of suite.created) await remove(name);
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/** A fresh page on the app, in a 1280 × 1000 window. */
export async function openTallApp(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openApp(browser, url, options);
  await opened.page.setViewportSize({ width: 1280, height: 1000 });
  return opened;
}

/** The languages the wizards are pictured in besides English: the menu's label and the locale. */
export const otherLanguages = [
  ['简体中文', 'zh-CN'],
  ['한국어', 'ko'],
] as const;

/**
 * A fresh page in the dark colour scheme, switched to `label`'s language, on the first page of the
 * navigation, where it clicks the button that says `newButton` (the wizard's own title).
 */
export async function openWizardInLanguage(
  browser: Browser,
  url: string,
  [label, locale]: (typeof otherLanguages)[number],
  newButton: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openTallApp(browser, url, { colorScheme: 'dark' });
  const { page } = opened;
  await new AppShell(page).chooseLanguage(label);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.getByRole('main').getByRole('button').filter({ hasText: newButton }).click();
  return opened;
}

/** How many samples a stats card's chart draws. */
export async function chartPoints(card: Locator): Promise<number> {
  return Number(await card.locator('svg[data-points]').getAttribute('data-points'));
}

/**
 * Makes a BusyBox container (fixture-busybox, the wizard's defaults) from the Lab page, names it in
 * `created` for the suite's cleanup, and waits on its console page.
 */
export async function createFixtureContainer(page: Page, created: Set<string>): Promise<string> {
  const wizard = new ContainerWizard(page);
  await new AppShell(page).open('Lab');
  await new LabPage(page).newContainerButton().click();
  await wizard.waitForStep('Template');
  await wizard.pickTemplate('fixture-busybox');
  await wizard.next('Resources');
  const name = await wizard.nameInput().inputValue();
  created.add(name);
  await wizard.next('Network & storage');
  await wizard.next('Review');
  await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
  await wizard.createButton().click();
  await page.waitForURL(/#\/guests\/[0-9a-f]{12,}\/console$/, { timeout: 60_000 });
  return name;
}
