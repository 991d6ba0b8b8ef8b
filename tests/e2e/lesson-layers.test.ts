/**
 * Lesson 13 (layers and copy-on-write) in Chromium on fixture-twin (Docker, gVisor, libvirt), in
 * Korean and the light scheme: every step Run and Checked, the host's docker diff included.
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
  'lesson 13 on fixture-twin in Chromium, in Korean (Docker, gVisor, libvirt)',
  () => {
    const { app, guests } = lessonSuite('lesson-layers');

    it('runs every step to green: shared layers, docker diff from the host, the sandbox without the file, the VM', async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'light' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await new AppShell(page).chooseLanguage('한국어');
      await page.evaluate(() => (window.location.hash = '#/lessons/layers-cow'));
      await page.getByRole('heading', { level: 1, name: '이미지 레이어와 쓰기 시 복사' }).waitFor();
      const lessons = new LessonPage(page);
      await startOnFixtureTwin(lessons, guests, { start: '레슨 시작', vmPrefix: 'VM' });

      const states: Record<string, string> = {};
      for (const step of await lessons.stepIds()) {
        states[step] = await lessons.runAndCheck(step, { run: / 실행$/, check: / 단계 확인$/ });
        if (step === 'write') {
          await lessons.step(step).scrollIntoViewIfNeeded();
          await capture(page, 'lesson-layers-write-ko-light');
        }
      }
      expect(states).toEqual({
        'same-image': 'passed',
        write: 'passed',
        'other-container': 'passed',
        volumes: 'passed',
        'vm-disk': 'passed',
      });
      expect(await lessons.checkStatuses('write')).toEqual(['passed', 'passed', 'passed']);
      await capture(page, 'lesson-layers-done-ko-light');
      await context.close();
    }, 600_000);
  },
);
