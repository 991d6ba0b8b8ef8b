import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';

/** One load of a page, on the page's own clock (from navigation start) and on the bench's. */
export interface PageLoad {
  /** Navigation until the Remove dialog is open, as the bench saw it (Playwright's steps included). */
  interactiveMs: number;
  /** The same, on the page's clock: when the dialog was in the page. */
  dialogInPageMs: number;
  firstContentfulPaintMs: number;
  /** The Lab heading in the page. */
  headingInPageMs: number;
}

/**
 * Run in the page before its own scripts (as text: this file is typed for Node, not the DOM): notes
 * the paint timings and when the first h1 and the first dialog appear, on the page's clock.
 */
const pageClockScript = `
  const seen = {};
  window.twinlabBenchTimes = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen[entry.name] = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const firstSeen = (name, selector) => {
    if (seen[name] === undefined && document.querySelector(selector)) seen[name] = performance.now();
  };
  const look = () => {
    firstSeen('heading', 'h1');
    firstSeen('dialog', '[role="dialog"]');
  };
  document.addEventListener('DOMContentLoaded', () => {
    look();
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
`;

/** A page in a fresh browser context (a first visit: nothing cached), closed after `use`. */
async function inFreshPage<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Loads `url` in a fresh browser context (a first visit: nothing cached), waits for the Lab heading,
 * clicks Remove on the card named `cardName` and waits for its confirmation dialog. The page's own
 * clock is read by a script run before the page's (paint timing and a mutation observer).
 */
export async function loadUntilInteractive(
  browser: Browser,
  url: string,
  cardName: string,
): Promise<PageLoad> {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript({ content: pageClockScript });
    const started = performance.now();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Lab', level: 1 }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('article', { name: cardName, exact: true })
      .getByRole('button', { name: /^Remove / })
      .click({ timeout: 60_000 });
    await page.getByRole('dialog').waitFor();
    const interactiveMs = performance.now() - started;
    const seen = (await page.evaluate('window.twinlabBenchTimes')) as Record<string, number | undefined>;
    return {
      interactiveMs,
      dialogInPageMs: seen['dialog'] ?? NaN,
      firstContentfulPaintMs: seen['first-contentful-paint'] ?? NaN,
      headingInPageMs: seen['heading'] ?? NaN,
    };
  });
}

/** A fresh page's navigation to `url` until `drawn` says the page is complete. */
export function loadUntil(
  browser: Browser,
  url: string,
  drawn: (page: Page) => Promise<void>,
): Promise<number> {
  return inFreshPage(browser, async (page) => {
    const started = performance.now();
    await page.goto(url);
    await drawn(page);
    return performance.now() - started;
  });
}

/**
 * The same steps' floor on this host: a static page with the Lab heading and one card whose Remove
 * opens a dialog, from a plain HTTP server. What remains of a load here is the browser's and
 * Playwright's own cost (a fresh context, its renderer, Playwright's injected script).
 */
export async function startFloorPage(cardName: string): Promise<{ url: string; close(): Promise<void> }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="/floor.js"></script></head><body><h1>Lab</h1>
<article aria-label="${cardName}"><button type="button">Remove ${cardName}</button></article></body></html>`;
  const script = `document.querySelector('button').addEventListener('click', () => {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.textContent = 'Remove?';
  document.body.append(dialog);
});`;
  const server = createServer((req, res) => {
    const js = req.url === '/floor.js';
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(js ? script : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
