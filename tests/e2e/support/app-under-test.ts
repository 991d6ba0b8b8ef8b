import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../support/browser-mode';
import { launchChromium } from './browser';

export interface AppUnderTest {
  server: RunningServer;
  browser: Browser;
}

/** For one describe block: the built app in browser mode and a Chromium to drive it. */
export function appUnderTest(env: Record<string, string> = {}): AppUnderTest {
  const app = {} as AppUnderTest; // filled in by beforeAll, before any test reads it
  beforeAll(async () => {
    app.server = await startServer(env);
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
