/**
 * Issue #14 item 7: the Lab's guest cards name their icon buttons in one shared tooltip (not one
 * Mantine Tooltip per button) and mount Remove's dialog only when it is asked for. In Chromium,
 * against a real container: hovering a button shows its name, keyboard focus shows it at once and
 * Escape hides it; Remove's dialog opens from the keyboard with Cancel focused, and when it closes
 * focus is back on the card's Remove. Pictures of the tooltip in light and dark.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { cliTwinPart } from './support/cli-twin';
import { join } from 'node:path';
import { screenshotDir } from './support/browser';
import { guestSuite, openTallApp } from './support/guest-wizard';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = `h3cards-${process.pid.toString(36)}-twin`;
const name = `${prefix}-container`;

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

describe.skipIf(gate.skip)('Lab card actions (issue #14 item 7)', () => {
  const suite = guestSuite(async (guest) => {
    await run('docker', ['rm', '-f', guest], { timeout: 30_000 }).catch(() => undefined);
  });

  it.each(['light', 'dark'] as const)(
    'names its buttons in a tooltip and returns focus from Remove (%s)',
    async (colorScheme) => {
      if (suite.created.size === 0) suite.created.add(await cliTwinPart(prefix, `${prefix}-id`, 'container'));
      const { context, page } = await openTallApp(suite.browser, suite.server.url, { colorScheme });
      const card = page.getByRole('article', { name, exact: true });
      const remove = card.getByRole('button', { name: `Remove ${name}` });
      const restart = card.getByRole('button', { name: `Restart ${name}` });
      const tooltip = page.getByRole('tooltip');

      // Hover: the button's short name, gone when the pointer leaves.
      await restart.hover();
      await expect.poll(() => tooltip.innerText(), { timeout: 5_000 }).toBe('Restart');
      // The window, not the full page: the tooltip beside its button, legible.
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `lab-card-tooltip-${colorScheme}.png`) });
      await page.mouse.move(0, 0);
      await expect.poll(() => tooltip.count()).toBe(0);

      // Keyboard: Tab onto Remove shows its name at once; Escape hides it.
      await restart.focus(); // then Pause, then Remove
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe(`Remove ${name}`);
      await expect.poll(() => tooltip.innerText(), { timeout: 5_000 }).toBe('Remove');
      await page.keyboard.press('Escape');
      await expect.poll(() => tooltip.count()).toBe(0);

      // Remove asks first; Cancel has focus, and closing gives focus back to the card's Remove.
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await focusedLabel(page)).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => focusedLabel(page)).toBe(`Remove ${name}`);
      // Asked a second time, the dialog that stayed mounted opens again.
      await remove.click();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => card.count()).toBe(1);
      await context.close();
    },
  );
});
