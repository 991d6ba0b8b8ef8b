import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './support/app-under-test';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { LabPage } from './pages/lab-page';
import { TwinWizard } from './pages/twin-wizard';

const distroTwins = ['debian-12-twin', 'ubuntu-2404-twin', 'alpine-cloud-twin', 'fedora-42-twin'];

/**
 * The distro twins a user gets with the built-in templates only: offered by New twin beside the
 * same-userland ones, named in the UI language, and the Debian one's Review says what its VM is
 * (the cloud image, its checksum file, the learner's login). Nothing is created here; the boot is
 * tests/integration/distro-twins/debian-12-twin.test.ts.
 */
describe('Distro twins in the New twin wizard (built-in templates only)', () => {
  const config = mkdtempSync(join(tmpdir(), 'tl-e2e-distro-config-'));
  const app = appUnderTest({ TWINLAB_EXTRA_TEMPLATES: '', XDG_CONFIG_HOME: config });
  afterAll(() => rmSync(config, { recursive: true, force: true }));

  it('offers the four distro twins and reviews the Debian one (en, light)', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const wizard = new TwinWizard(page);
    await new AppShell(page).open('Lab');
    await new LabPage(page).newTwinButton().click();
    await wizard.waitForStep('Template');
    for (const id of distroTwins) await wizard.template(id).waitFor();
    await expect
      .poll(() => wizard.template('debian-12-twin').innerText())
      .toContain('Debian 12 twin (cloud image, systemd)');
    await wizard.pickTemplate('debian-12-twin');
    await capture(page, 'distro-twin-wizard-template-en-light');
    await wizard.next('Name');
    await wizard.next('Review');
    const xml = await wizard.domainXml();
    expect(xml).toContain('<twinlab:user>learner</twinlab:user>');
    expect(await wizard.dockerRun('container')).toContain('debian:bookworm-slim');
    await capture(page, 'distro-twin-wizard-review-en-light');
    await context.close();
  });

  it('names them in Chinese (zh-CN, dark)', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await new AppShell(page).chooseLanguage('简体中文');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.evaluate(() => (window.location.hash = '#/lab/new-twin'));
    const wizard = new TwinWizard(page);
    await wizard.template('fedora-42-twin').waitFor();
    expect(await wizard.template('debian-12-twin').innerText()).toContain(
      'Debian 12 双胞胎（云镜像，systemd）',
    );
    expect(await wizard.template('alpine-cloud-twin').innerText()).toContain(
      'Alpine 3.20 双胞胎（云镜像，OpenRC）',
    );
    await wizard.pickTemplate('alpine-cloud-twin');
    await capture(page, 'distro-twin-wizard-template-zh-CN-dark');
    await context.close();
  });
});
