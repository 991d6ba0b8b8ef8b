/**
 * A lesson challenge in Chromium on fixture-twin (Docker, gVisor, libvirt): lesson 8's "rename the
 * VM", Checked red with what is missing, a hint opened, solved by typing into the VM's console, Checked
 * green; the hints used survive a reload and show in Korean and the dark scheme.
 */
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { startOnFixtureTwin, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)('a lesson challenge in Chromium on fixture-twin (Docker, gVisor, libvirt)', () => {
  const { app, guests } = lessonSuite('lesson-challenge');
  const stepId = 'rename-vm';

  it('opens a hint, is solved in the VM console a way of its own, and Check turns it green', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => (window.location.hash = '#/lessons/isolation'));
    await page.getByRole('heading', { level: 1, name: 'Isolation and security' }).waitFor();
    const lessons = new LessonPage(page);
    await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });

    const step = lessons.step(stepId);
    await step.scrollIntoViewIfNeeded();
    expect(await step.getAttribute('data-challenge')).toBe('true');
    await step.getByText('Challenge', { exact: true }).waitFor();
    expect(await step.getByRole('button', { name: /^Run / }).count()).toBe(0);
    expect(await step.getByTestId('hints-used').innerText()).toBe('Hints used: 0 of 2');

    // Before the goal: red, and the sentence says what is missing.
    expect(await lessons.runAndCheck(stepId)).toBe('failed');
    expect(await lessons.check(stepId, 'vm-renamed').getByTestId('check-missing').innerText()).toBe(
      "The VM's hostname is not twin-vm yet.",
    );

    await step.getByRole('button', { name: 'Show hint 1 of 2 for Rename the VM' }).click();
    const hint = step.getByTestId('hint-1');
    await expect.poll(() => hint.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await hint.innerText()).toContain('BusyBox has a hostname command');
    expect(await step.getByTestId('hint-2').count()).toBe(0);
    expect(await step.getByTestId('hints-used').innerText()).toBe('Hints used: 1 of 2');
    await page.getByText(/steps done · 1 hint used$/).waitFor();
    await step.scrollIntoViewIfNeeded();
    await capture(page, 'lesson-challenge-hint-en-light');

    // The learner's own route: the kernel's sysctl file, not the hint's hostname command.
    const vm = lessons.terminal(await lessons.paneLabel('VM'));
    await vm.run('echo twin-vm > /proc/sys/kernel/hostname; cat /proc/sys/kernel/hostname');
    await vm.waitForText(/^twin-vm$/m, 30_000);
    expect(await lessons.runAndCheck(stepId)).toBe('passed');
    expect(await lessons.check(stepId, 'vm-renamed').getByTestId('check-missing').count()).toBe(0);
    expect(await lessons.checkStatuses(stepId)).toEqual(['passed']);

    // Saved with the lesson's progress: a reload shows the same hint open and the step green.
    await page.reload();
    await lessons.step(stepId).getByTestId('hint-1').waitFor();
    expect(await lessons.step(stepId).getAttribute('data-state')).toBe('passed');
    expect(await lessons.step(stepId).getByTestId('hints-used').innerText()).toBe('Hints used: 1 of 2');

    // The lesson's card counts them too.
    await page.evaluate(() => (window.location.hash = '#/lessons'));
    await lessons.card('isolation').waitFor();
    expect(await lessons.cardProgress('isolation').innerText()).toBe('1 of 6 steps done · 1 hint used');
    await context.close();
  }, 600_000);

  it('shows the challenge with both hints open in Korean and the dark scheme', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await new AppShell(page).chooseLanguage('한국어');
    await page.evaluate(() => (window.location.hash = '#/lessons/isolation'));
    const lessons = new LessonPage(page);
    const step = lessons.step(stepId);
    await step.getByText('도전 과제', { exact: true }).waitFor();
    expect(await step.getByTestId('hints-used').innerText()).toBe('사용한 힌트: 1/2');
    await step.getByRole('button', { name: '“VM 이름 바꾸기”의 힌트 2/2 보기' }).click();
    expect(await step.getByTestId('hint-2').innerText()).toContain('CAP_SYS_ADMIN');
    expect(await step.getByTestId('hints-used').innerText()).toBe('사용한 힌트: 2/2');
    expect(await step.getByRole('button', { name: /힌트 .* 보기/ }).count()).toBe(0);
    await page.getByText(/힌트 2개 사용$/).waitFor();
    await step.scrollIntoViewIfNeeded();
    await capture(page, 'lesson-challenge-hints-ko-dark');
    await context.close();
  }, 120_000);
});
