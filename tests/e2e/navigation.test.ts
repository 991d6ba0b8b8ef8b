import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { startServer } from '../support/browser-mode';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot } from './support/browser';
import { AppShell, type PageName } from './pages/app-shell';

const gate = await engineGate(['docker', 'libvirt']);
const pages: PageName[] = ['Lab', 'Compare', 'Lessons', 'Templates', 'Host'];

describe.skipIf(gate.skip)('app shell in Chromium', () => {
  const app = appUnderTest();

  it('reaches every page from the navigation by its accessible name', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    const headings: string[] = [];
    for (const name of pages) {
      await shell.open(name);
      expect(await shell.navLink(name).getAttribute('aria-current')).toBe('page');
      headings.push(await shell.heading().innerText());
      await screenshot(page, `page-${name.toLowerCase()}-en-light`);
    }
    expect(new Set(headings).size).toBe(pages.length);
    await context.close();
  });

  it('is keyboard complete: Tab reaches the navigation and Enter opens a page', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await shell.navLink('Templates').evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    // The navigation is a React transition: it lands a moment after the key press.
    await expect.poll(() => shell.navLink('Templates').getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  it("puts focus on the new page's heading when an address is typed, page after page", async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    // Addresses set outside the router all carry the key 'default': the path alone tells them apart.
    for (const [hash, title] of [
      ['#/host', 'Host'],
      ['#/templates', 'Templates'],
    ] as const) {
      await page.evaluate((to) => (window.location.hash = to), hash);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 15_000 })
        .toBe(title);
    }
    await context.close();
  });

  it('lists the fixture templates with what each side needs', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await new AppShell(page).open('Templates');
    for (const id of ['fixture-busybox', 'fixture-microvm', 'fixture-twin']) {
      await page.getByTestId(`template-${id}`).waitFor();
    }
    const twin = await page.getByTestId('template-fixture-twin').innerText();
    expect(twin).toContain('twinlab-fixture/busybox:1');
    expect(twin).toMatch(/256\s*MiB/);
    await screenshot(page, 'templates-en-light');
    await context.close();
  });

  it('follows the OS language when the user has not chosen one', async () => {
    const zh = await startServer({ LANG: 'zh_CN.UTF-8', LC_ALL: '' });
    try {
      const { context, page } = await openApp(app.browser, zh.url);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.getByRole('navigation').getByRole('link', { name: '模板' }).waitFor();
      await context.close();
    } finally {
      await zh.stop();
    }
  });
});
