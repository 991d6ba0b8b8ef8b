import { afterAll, describe, expect, it } from 'vitest';
import { engineGate, labDaemon } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot } from './support/browser';
import { AppShell } from './pages/app-shell';
import { HostPage } from './pages/host-page';

const gate = await engineGate(['docker']);

/** Stops the real dockerd under an open Host page and starts it again: no reload, no restart. */
describe.skipIf(gate.skip)('Docker leaving and returning', () => {
  const app = appUnderTest();
  afterAll(() => labDaemon('start', 'docker')); // whatever happened, leave the daemon running

  it('turns red within 5 s of dockerd stopping and green within 5 s of it answering again', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    const host = new HostPage(page);
    await shell.open('Host');
    await host.waitForReport();
    await expect.poll(() => shell.engineState('docker'), { timeout: 15_000 }).toBe('up');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    await labDaemon('stop', 'docker');
    const stoppedAt = Date.now();
    await expect.poll(() => shell.engineState('docker'), { timeout: 5_000, interval: 100 }).toBe('down');
    const redAfterMs = Date.now() - stoppedAt;
    await expect
      .poll(() => host.checkStatus('docker-reachable'), { timeout: 5_000, interval: 100 })
      .toBe('fail');
    await screenshot(page, 'host-docker-down-en-light');

    await labDaemon('start', 'docker'); // returns once dockerd answers
    const answeredAt = Date.now();
    await expect.poll(() => shell.engineState('docker'), { timeout: 5_000, interval: 100 }).toBe('up');
    const greenAfterMs = Date.now() - answeredAt;
    await expect
      .poll(() => host.checkStatus('docker-reachable'), { timeout: 5_000, interval: 100 })
      .toBe('ok');

    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    console.log(`docker fault: status red after ${redAfterMs} ms, green after ${greenAfterMs} ms`);
    await context.close();
  });
});
