/**
 * Issue #14 item 9: a console in a narrow column (the lesson's three consoles side by side) keeps
 * its badge and toolbar on one line. In Chromium: a BusyBox container's console, wide, has the full
 * toolbar; in a narrow window the toolbar is Find plus one menu, on the badge's line, and the menu
 * holds the rest (End session there ends the session).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { capture, createFixtureContainer, guestSuite, openTallApp } from './support/guest-wizard';
import { TerminalView } from './pages/terminal';

const run = promisify(execFile);
const gate = await engineGate(['docker']);

describe.skipIf(gate.skip)('console toolbar in a narrow column', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  it('folds into Find and a menu on the badge’s line, and the menu’s actions work', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    await createFixtureContainer(page, suite.created);
    const terminal = new TerminalView(page);
    await terminal.waitUntilOpen();
    const toolbar = page.getByRole('toolbar');
    const badge = page.getByTestId('console-state');
    const more = toolbar.getByRole('button', { name: 'More console actions' });
    expect(await toolbar.getByRole('button').count()).toBe(8);
    expect(await more.count()).toBe(0);

    await page.setViewportSize({ width: 560, height: 900 });
    await more.waitFor({ timeout: 5_000 });
    expect(await toolbar.getByRole('button').allInnerTexts()).toHaveLength(2);
    const [badgeBox, toolbarBox] = [await badge.boundingBox(), await toolbar.boundingBox()];
    if (!badgeBox || !toolbarBox) throw new Error('badge and toolbar are on screen');
    // One line: the toolbar's box overlaps the badge's vertically.
    expect(toolbarBox.y).toBeLessThan(badgeBox.y + badgeBox.height);
    expect(badgeBox.y).toBeLessThan(toolbarBox.y + toolbarBox.height);

    // Find opens on a row of its own, inside the console's width, and finds.
    await toolbar.getByRole('button', { name: 'Find', exact: true }).click();
    const find = page.getByTestId('terminal-find');
    await find.waitFor();
    const findBox = await find.boundingBox();
    if (!findBox) throw new Error('the find bar is on screen');
    expect(findBox.y).toBeGreaterThanOrEqual(badgeBox.y + badgeBox.height);
    // The header's right edge is the toolbar's.
    expect(findBox.x + findBox.width).toBeLessThanOrEqual(toolbarBox.x + toolbarBox.width + 1);
    await page.getByRole('textbox', { name: 'Find in the console' }).fill('BusyBox');
    await expect.poll(() => find.innerText()).toMatch(/1 of 1/);
    await capture(page, 'console-find-narrow-en-light');
    await page.keyboard.press('Escape');
    await find.waitFor({ state: 'detached' });

    await more.click();
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items.map((text) => text.split('\n')[0])).toEqual([
      'Copy',
      'Paste',
      'Zoom out',
      'Font size 14, reset',
      'Zoom in',
      'Reconnect',
      'End session',
    ]);
    await capture(page, 'console-toolbar-narrow-menu-en-light');
    await page.getByRole('menuitem', { name: 'End session' }).click();
    await expect
      .poll(() => page.getByTestId('console-banner').getAttribute('data-kind'), { timeout: 15_000 })
      .toBe('closed');
  });
});
