/**
 * Lesson 14 (virtio vs emulated devices) in Chromium on fixture-twin (Docker, gVisor, libvirt), in
 * English and the dark scheme: every step Run and Checked, the disk measurement included; then the
 * domain XML step in Chinese and the light scheme.
 */
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { startOnFixtureTwin, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)('lesson 14 on fixture-twin in Chromium (Docker, gVisor, libvirt)', () => {
  const { app, guests } = lessonSuite('lesson-virtio');

  it('runs every step: the two disks and their drivers, the measurement, the TCG numbers, the e1000 without a driver', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => (window.location.hash = '#/lessons/virtio'));
    await page.getByRole('heading', { level: 1, name: 'virtio vs emulated devices' }).waitFor();
    const lessons = new LessonPage(page);
    await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });

    const states: Record<string, string> = {};
    for (const step of await lessons.stepIds()) {
      states[step] = await lessons.runAndCheck(step);
      if (step === 'measure') {
        await lessons.step(step).scrollIntoViewIfNeeded();
        await capture(page, 'lesson-virtio-measure-en-dark');
      }
    }
    expect(states).toEqual({
      'two-disks': 'passed',
      measure: 'passed',
      tcg: 'passed',
      kvm: 'skipped',
      nic: 'passed',
    });
    expect(await lessons.checkStatuses('two-disks')).toEqual(['passed', 'passed']);
    // The measured line, as the learner sees it under the check.
    await expect
      .poll(() => lessons.step('measure').innerText())
      .toMatch(/vda [\d.]+ MiB\/s [\d.]+ ms CPU per MiB/);
    await capture(page, 'lesson-virtio-done-en-dark');

    // The domain XML block and the driver checks, in Chinese and the light scheme.
    await page.emulateMedia({ colorScheme: 'light' });
    await new AppShell(page).chooseLanguage('简体中文');
    await page.getByRole('heading', { level: 1, name: 'virtio 与模拟设备' }).waitFor();
    await lessons.step('two-disks').scrollIntoViewIfNeeded();
    await capture(page, 'lesson-virtio-two-disks-zh-light');
    await context.close();
  }, 600_000);
});
