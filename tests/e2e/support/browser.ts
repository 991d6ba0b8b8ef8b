import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core: no browser download, ever (HOST.md). Playwright
 * gives every launch a fresh temporary profile.
 */
export const chromiumPath = process.env['TWINLAB_CHROMIUM'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export async function openApp(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  await page.goto(url);
  // The page's load comes before the app's first render (main.tsx is imported by boot.ts): tests
  // start from the drawn app, as a user does.
  await page.locator('#root > :not(style)').first().waitFor({ timeout: 30_000 });
  return { context, page };
}

export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
