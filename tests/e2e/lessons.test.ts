import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import {
  completeEveryStep,
  fixtureTwinTemplate,
  LessonGuests,
  startOnFixtureTwin,
} from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);

/** A lesson pack with one lesson whose check expects what the container never prints. */
function redLessonPack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-e2e-lessons-'));
  mkdirSync(join(dir, 'red-check'));
  writeFileSync(
    join(dir, 'red-check', 'lesson.md'),
    [
      '---',
      'id: e2e-red-check',
      'title: A check that cannot pass',
      'summary: Its one check expects what the container does not print.',
      'level: beginner',
      'duration: 1',
      'needs:',
      '  roles: [container, vm]',
      '---',
      '',
      'A lesson for the end-to-end test.',
      '',
      '## Expect the impossible {#impossible}',
      '',
      'The container prints twinlab-red.',
      '',
      '```run target=container',
      'echo twinlab-red',
      '```',
      '',
      '```check #never target=container expect="^not-what-it-prints$"',
      'echo twinlab-red',
      '```',
      '',
    ].join('\n'),
  );
  return dir;
}

async function lessonSized(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(gate.skip)('Guided lessons in Chromium on fixture-twin (Docker, gVisor, libvirt)', () => {
  const pack = redLessonPack();
  const dataHome = mkdtempSync(join(tmpdir(), 'tl-e2e-lesson-data-'));
  const app = appUnderTest({ TWINLAB_EXTRA_LESSONS: pack, XDG_DATA_HOME: dataHome });
  const guests = new LessonGuests();
  afterAll(async () => {
    await guests.removeAll();
    rmSync(pack, { recursive: true, force: true });
    rmSync(dataHome, { recursive: true, force: true });
  }, 120_000);

  it('completes lesson 1 (kernel) with every check green', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await lessonSized(page);
    await new AppShell(page).open('Lessons');
    const lessons = new LessonPage(page);
    await lessons.card('kernel').waitFor();
    expect(await lessons.cardProgress('kernel').innerText()).toBe('0 of 4 steps done');
    await lessons.open('One kernel or two');
    await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });
    await completeEveryStep(
      lessons,
      { run: /^Run /, check: /^Check step / },
      { afterStep: 0, name: 'lesson-kernel-in-progress-en-light' },
    );
    await context.close();
  }, 600_000);

  it('completes lesson 4 (processes) with every check green, in Chinese and the dark scheme', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await lessonSized(page);
    await new AppShell(page).chooseLanguage('简体中文');
    await page.evaluate(() => (window.location.hash = '#/lessons/processes'));
    const lessons = new LessonPage(page);
    await lessons.page.getByTestId('start-lesson').waitFor();
    await startOnFixtureTwin(lessons, guests, { start: '开始课程', vmPrefix: '虚拟机' });
    await completeEveryStep(
      lessons,
      { run: /^运行 /, check: /^检查步骤 / },
      { afterStep: 2, name: 'lesson-processes-in-progress-zh-CN-dark' },
    );
    await context.close();
  }, 600_000);

  it('shows the progress on the Lessons list after a reload, kept in the data folder', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await lessonSized(page);
    await page.evaluate(() => (window.location.hash = '#/lessons'));
    const lessons = new LessonPage(page);
    await page.reload();
    await expect
      .poll(() => lessons.cardProgress('kernel').innerText(), { timeout: 30_000 })
      .toBe('4 of 4 steps done');
    await expect.poll(() => lessons.cardProgress('processes').innerText()).toBe('6 of 6 steps done');
    const saved = JSON.parse(readFileSync(join(dataHome, 'twinlab', 'lesson-progress.json'), 'utf8'));
    expect(Object.keys(saved.lessons).sort()).toEqual(['kernel', 'processes']);
    // The instructor's folder note and the pack's lesson are there too.
    await page.getByTestId('lesson-folder').waitFor();
    await lessons.card('e2e-red-check').waitFor();
    await capture(page, 'lessons-list-en-light');

    // Prepare for offline: fixture-twin's image is loaded and its kernel files exist.
    await page.getByRole('button', { name: 'Prepare for offline', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Prepare for offline' });
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: fixtureTwinTemplate, exact: true }).click();
    await dialog.getByText('Ready to go offline').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('prepare-items').getByRole('listitem').count()).toBe(3);
    await capture(page, 'lessons-prepare-offline-en-light');
    await context.close();
  }, 120_000);

  it('turns a check red, with its reason, when its expectation is not met; Reset makes a new twin', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await lessonSized(page);
    await page.evaluate(() => (window.location.hash = '#/lessons/e2e-red-check'));
    const lessons = new LessonPage(page);
    await page.getByTestId('start-lesson').waitFor();
    await lessons.start(fixtureTwinTemplate);
    guests.record(await lessons.guestNames());
    expect(await lessons.runAndCheck('impossible')).toBe('failed');
    const check = lessons.check('impossible', 'never');
    expect(await check.getAttribute('data-status')).toBe('failed');
    expect(await check.getByTestId('check-reason').innerText()).toBe(
      'The container printed "twinlab-red", which does not match ^not-what-it-prints$.',
    );
    await capture(page, 'lesson-check-failed-en-light');

    // Reset, confirmed: the twin's guests are removed and made again, the step is pending again.
    const before = await lessons.guestNames();
    await lessons.reset().click();
    await page.getByRole('dialog', { name: 'Reset this lesson?' }).waitFor();
    await page.getByRole('button', { name: 'Remove and recreate', exact: true }).click();
    await expect
      .poll(
        async () => (await lessons.guestNames().catch(() => before)).some((name) => before.includes(name)),
        {
          timeout: 120_000,
        },
      )
      .toBe(false);
    const after = await lessons.guestNames();
    guests.record(after);
    expect(after).toHaveLength(3);
    expect(await lessons.step('impossible').getAttribute('data-state')).toBe('pending');
    const listed = await run('docker', ['ps', '-a', '--format', '{{.Names}}']);
    for (const name of before.filter((guest) => !guest.endsWith('-vm')))
      expect(listed.stdout).not.toContain(name);
    await context.close();
  }, 300_000);
});
