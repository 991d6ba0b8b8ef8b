/**
 * Issue #14: at the desktop window's minimum width no page header runs off the screen. In Chromium,
 * light and dark, each page's header buttons (a guest's Stop…Remove, the Compare page's Export, the
 * Host page's Re-check…) lie inside the viewport, and Tab reaches the guest's Remove. Pictures at the
 * minimum width and at 1440 px.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { screenshotDir } from './support/browser';
import { cliTwinPart } from './support/cli-twin';
import { guestSuite, openTallApp } from './support/guest-wizard';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
// The Electron window's own minimum, read from its source (main's code is outside this project's tsconfig).
const windowOptions = await readFile('src/main/shell/window-options.ts', 'utf8');
const minWidth = Number(/minWidth: (\d+)/.exec(windowOptions)?.[1] ?? 0);
const twinId = `h9-narrow-${process.pid}`;
const prefix = `h9narrow-${process.pid.toString(36)}-twin`;

const part = (role: 'container' | 'sandbox') => cliTwinPart(prefix, twinId, role);

/** The pages with a header: name, hash and the h1 that says it is there; the guest page is the twin's container. */
async function pages(): Promise<[string, string, string | RegExp][]> {
  const id = (await run('docker', ['inspect', '--format', '{{.Id}}', `${prefix}-container`])).stdout.trim();
  return [
    ['lab', '#/lab', 'Lab'],
    ['guest', `#/guests/${id}/console`, `${prefix}-container`],
    ['compare-index', '#/compare', 'Compare'],
    ['compare', `#/compare/${twinId}`, /^Twin · /],
    ['lessons', '#/lessons', 'Lessons'],
    ['lesson', '#/lessons/processes', 'Processes and namespaces'],
    ['templates', '#/templates', 'Templates'],
    ['host', '#/host', 'Host'],
  ];
}

/** The names of the header's buttons that lie outside the window or the page's column. */
async function buttonsOffScreen(page: Page, heading: string | RegExp): Promise<string[]> {
  const header = page.getByTestId('page-header');
  await header.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ timeout: 30_000 });
  // One read of every box at once: the Lab page's list re-renders under a slower, button-by-button walk.
  return header.getByRole('button').evaluateAll((buttons) =>
    buttons
      .filter((button) => {
        const box = button.getBoundingClientRect();
        // Inside the window, and inside the page's column (the header's own box), not under its margin.
        const column = button.closest('[data-testid="page-header"]')?.getBoundingClientRect();
        const right = Math.min(document.documentElement.clientWidth, column?.right ?? 0);
        return box.left < (column?.left ?? 0) || box.right > right + 0.5;
      })
      .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
  );
}

/** Tab from the page's h1 (focused when the page opens) reaches the header button `name`. */
async function tabTo(page: Page, name: string): Promise<void> {
  const button = page.getByTestId('page-header').getByRole('button', { name, exact: true });
  await page.getByRole('heading', { level: 1 }).focus();
  for (let presses = 0; presses < 10; presses += 1) {
    if (await button.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab from the title never reached ${name}`);
}

/** The window as the user sees it, top of the page: the header is what this file is about. */
async function capture(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

describe.skipIf(gate.skip)('page headers at the minimum window width', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  beforeAll(async () => {
    for (const role of ['container', 'sandbox'] as const) suite.created.add(await part(role));
  });

  it.each(['light', 'dark'] as const)('keeps every header button on screen (%s)', async (scheme) => {
    expect(minWidth).toBeGreaterThan(0);
    const { context, page } = await openTallApp(suite.browser, suite.server.url, { colorScheme: scheme });
    for (const [name, hash, heading] of await pages()) {
      await page.setViewportSize({ width: minWidth, height: 900 });
      await page.evaluate((to) => (window.location.hash = to), hash);
      // The guest page's actions come with its state; the Compare page's Export with its report.
      if (name === 'guest') await page.getByRole('button', { name: 'Remove', exact: true }).waitFor();
      if (name === 'compare') await page.getByRole('button', { name: /export/i }).waitFor();
      expect({ page: name, outside: await buttonsOffScreen(page, heading) }).toEqual({
        page: name,
        outside: [],
      });
      if (name === 'guest') await tabTo(page, 'Remove');
      if (name === 'lesson') {
        // The steps column stays readable beside the consoles (it was 197 px at 900 px wide).
        const steps = await page.getByRole('complementary', { name: 'Lesson steps' }).boundingBox();
        expect(steps?.width ?? 0).toBeGreaterThanOrEqual(300);
      }
      await capture(page, `narrow-${name}-${minWidth}-${scheme}`);
      await page.setViewportSize({ width: 1440, height: 900 });
      expect({ page: name, outside: await buttonsOffScreen(page, heading) }).toEqual({
        page: name,
        outside: [],
      });
      await capture(page, `narrow-${name}-1440-${scheme}`);
    }
    await context.close();
  });
});
