/**
 * Lesson 12 (from chroot to namespaces) in Chromium on fixture-twin (Docker, gVisor, libvirt), in
 * Simplified Chinese and the dark scheme: every step Run and Checked; the steps in the VM type long
 * lines into its serial console. The twin has no system container, so the nesting step is skipped
 * and says why.
 */
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { startOnFixtureTwin, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)(
  'lesson 12 on fixture-twin in Chromium, in Chinese (Docker, gVisor, libvirt)',
  () => {
    const { app, guests } = lessonSuite('lesson-chroot');

    it('runs every step to green; the nesting step is skipped for want of a system container', async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await new AppShell(page).chooseLanguage('简体中文');
      await page.evaluate(() => (window.location.hash = '#/lessons/chroot-to-namespaces'));
      await page.getByRole('heading', { level: 1, name: '从 chroot 到命名空间' }).waitFor();
      const lessons = new LessonPage(page);
      await startOnFixtureTwin(lessons, guests, { start: '开始课程', vmPrefix: '虚拟机' });

      const states: Record<string, string> = {};
      for (const step of await lessons.stepIds()) {
        states[step] = await lessons.runAndCheck(step, { run: /^运行 /, check: /^检查步骤 / });
        if (step === 'escape') await capture(page, 'lesson-chroot-escape-zh-CN-dark');
      }
      expect(states).toEqual({
        'tiny-root': 'passed',
        'new-root': 'passed',
        shared: 'passed',
        escape: 'passed',
        namespaces: 'passed',
        together: 'passed',
        'app-container': 'passed',
        system: 'skipped',
      });
      expect(await lessons.checkStatuses('escape')).toEqual(['passed', 'passed']);
      await lessons.step('system').scrollIntoViewIfNeeded();
      await capture(page, 'lesson-chroot-done-zh-CN-dark');
      await context.close();
    }, 600_000);
  },
);
