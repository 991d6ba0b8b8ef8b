import { describe, expect, it } from 'vitest';
import { dockerServerVersion, engineGate, libvirtDaemonVersion } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot } from './support/browser';
import { AppShell } from './pages/app-shell';
import { HostPage } from './pages/host-page';

const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)('Host page in Chromium against the real engines', () => {
  const app = appUnderTest();

  it('shows the Docker and libvirt versions their own CLIs print, and software emulation for KVM', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    const host = new HostPage(page);
    await shell.open('Host');
    await host.waitForReport();

    const [docker, libvirt] = await Promise.all([dockerServerVersion(), libvirtDaemonVersion()]);
    await expect.poll(() => host.checkStatus('docker-reachable'), { timeout: 15_000 }).toBe('ok');
    expect(await host.check('docker-reachable').innerText()).toContain(docker);
    await expect.poll(() => host.checkStatus('libvirt-reachable'), { timeout: 15_000 }).toBe('ok');
    expect(await host.check('libvirt-reachable').innerText()).toContain(libvirt);

    // This host's /dev/kvm is a nested PVM hypervisor that cannot run a stock guest (HOST.md).
    expect(await host.checkStatus('kvm-usable')).not.toBe('ok');
    expect(await host.check('kvm-usable').innerText()).toMatch(/software emulation \(TCG\): works, slower/i);

    // The status bar shows the same versions, live.
    await expect.poll(() => shell.engineState('docker')).toBe('up');
    expect(await shell.engine('docker').innerText()).toContain(docker);
    expect(await shell.engine('libvirt').innerText()).toContain(libvirt);

    await screenshot(page, 'host-en-light');
    await context.close();
  });

  it('re-checks on demand without reloading the page', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    const host = new HostPage(page);
    await shell.open('Host');
    await host.waitForReport();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    const checkedAt = () => page.getByTestId('host-checked-at').getAttribute('data-checked-at');
    const before = await checkedAt();
    await host.recheckButton().click();
    await expect.poll(checkedAt, { timeout: 20_000 }).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`renders in Simplified Chinese, ${colorScheme}`, async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme });
      const shell = new AppShell(page);
      await shell.chooseLanguage('简体中文');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.getByRole('navigation').getByRole('link', { name: '主机' }).click();
      const host = new HostPage(page);
      await host.waitForReport();
      await expect.poll(() => host.checkStatus('docker-reachable'), { timeout: 15_000 }).toBe('ok');
      expect(await host.check('kvm-usable').innerText()).toContain('TCG');
      await screenshot(page, `host-zh-CN-${colorScheme}`);
      await context.close();
    });
  }

  it('renders in English, dark', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
    const shell = new AppShell(page);
    await shell.open('Host');
    await new HostPage(page).waitForReport();
    await expect
      .poll(() => new HostPage(page).checkStatus('docker-reachable'), { timeout: 15_000 })
      .toBe('ok');
    await screenshot(page, 'host-en-dark');
    await context.close();
  });
});
