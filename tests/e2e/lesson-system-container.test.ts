/**
 * Lesson 11 (app container vs system container) in Chromium on the ladder twin: Docker (runc and
 * gVisor), LXD and libvirt. Started from the lesson page on fixture-ladder, every step Run and
 * Checked to green; pictured in English (light) and then, completed, in Korean (dark).
 */
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { completeEveryStep, fixtureTwinTemplate, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const gate = await engineGate(['docker', 'libvirt', 'lxd']);

/** scripts/setup-lxd.sh writes it where LXD runs: app container, system container and microVM. */
const ladderTemplate = 'BusyBox ladder (offline fixture)';

describe.skipIf(gate.skip)('lesson 11 on the ladder twin in Chromium (Docker, gVisor, LXD, libvirt)', () => {
  const { app, guests } = lessonSuite('lesson-system');

  it('completes "App container vs system container" with every check green, then reads it in Korean', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await new AppShell(page).open('Lessons');
    const lessons = new LessonPage(page);
    await lessons.card('app-vs-system').waitFor();
    expect(await lessons.cardProgress('app-vs-system').innerText()).toBe('0 of 7 steps done');
    await lessons.open('App container vs system container');

    // The picker starts on the one template that makes a system container; another one is flagged.
    const picker = page.getByTestId('start-lesson').getByRole('combobox');
    expect(await picker.inputValue()).toBe(ladderTemplate);
    expect(await page.getByTestId('lesson-missing-roles').count()).toBe(0);
    await picker.click();
    await page.getByRole('option', { name: fixtureTwinTemplate, exact: true }).click();
    expect(await page.getByTestId('lesson-missing-roles').innerText()).toBe(
      'The chosen template makes no system container, which this lesson uses: the steps that need it would be skipped. Choose a template that makes one.',
    );
    await capture(page, 'lesson-app-vs-system-picker-en-light');

    await lessons.start(ladderTemplate);
    const names = await lessons.guestNames();
    guests.record(names);
    // runsc is registered here, so the ladder has all four rungs.
    expect(names.map((name) => name.replace(/^.*-/, ''))).toEqual(['container', 'sandbox', 'system', 'vm']);
    await lessons.terminal(await lessons.paneLabel('System container')).waitUntilOpen(60_000);
    await lessons.terminal(await lessons.paneLabel('VM')).waitForText('TWINLAB-READY', 120_000);

    const steps = await completeEveryStep(
      lessons,
      { run: /^Run /, check: /^Check step / },
      { afterStep: 3, name: 'lesson-app-vs-system-services-en-light' },
    );
    expect(steps).toEqual(['pid-1', 'one-kernel', 'processes', 'services', 'uid-map', 'host-view', 'vm']);
    // The verdicts quote what each side printed: sh and init as PID 1.
    expect(await lessons.check('pid-1', 'system-pid-1-is-init').getByTestId('check-reason').innerText()).toBe(
      'Printed system container: "init".',
    );
    await capture(page, 'lesson-app-vs-system-done-en-light');

    await new AppShell(page).chooseLanguage('한국어');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('heading', { level: 1, name: '앱 컨테이너와 시스템 컨테이너' }).waitFor();
    await lessons.step('uid-map').scrollIntoViewIfNeeded();
    await capture(page, 'lesson-app-vs-system-done-ko-dark');

    await page.getByRole('link', { name: '모든 레슨', exact: true }).click();
    // Leaving with the twin running asks what to do with it: keep it.
    await page.getByRole('dialog').getByRole('button', { name: '계속 실행', exact: true }).click();
    await expect
      .poll(() => lessons.cardProgress('app-vs-system').innerText(), { timeout: 30_000 })
      .toBe('7단계 중 7단계 완료');
    await context.close();
  }, 600_000);
});
