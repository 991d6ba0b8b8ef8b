/**
 * A lesson and the twin it already has, in Chromium on fixture-twin: leaving a lesson whose twin
 * runs asks what to do with it (its Back link asks first; leaving through the menu asks right
 * after, in a notice); another lesson offers the running twin instead of making a new one; the
 * learner's "Delete it" removes every part of it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { startOnFixtureTwin, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)('a lesson offers the twin it has and asks before leaving it running', () => {
  const { app, guests } = lessonSuite('lesson-choice');

  it('keeps the twin on Back, offers it to the next lesson, and deletes it when asked from the notice', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => (window.location.hash = '#/lessons/kernel'));
    const lessons = new LessonPage(page);
    await page.getByTestId('start-lesson').waitFor();
    await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });
    const names = await lessons.guestNames();
    const twinName = (names[0] ?? '').replace(/-container$/, '');
    expect(twinName).toMatch(/^lesson-kernel-/);

    // Back to the list: asked first, with the twin's name.
    await page.getByRole('link', { name: 'All lessons', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Leave the twin ${twinName} running?` });
    await dialog.waitFor();
    await capture(page, 'lesson-leave-twin-en-light');
    await dialog.getByRole('button', { name: 'Keep it running', exact: true }).click();
    await page.waitForURL(/#\/lessons$/);

    // Another lesson offers the running twin before making a new one.
    await page.evaluate(() => (window.location.hash = '#/lessons/processes'));
    const offer = page.getByRole('button', { name: `Use the running twin ${twinName}`, exact: true });
    await offer.waitFor({ timeout: 30_000 });
    await capture(page, 'lesson-use-running-twin-en-light');
    await offer.click();
    expect(await lessons.guestNames(30_000)).toEqual(names);
    expect(await page.getByTestId('create-progress').count()).toBe(0);

    // Leaving through the menu: the question comes right after, and Delete it removes every part.
    await new AppShell(page).open('Lab');
    const notice = page.getByRole('alert').filter({ hasText: `Leave the twin ${twinName} running?` });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Delete it', exact: true }).click();
    await notice.waitFor({ state: 'detached', timeout: 60_000 });
    for (const name of names) {
      const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=^${name}$`]);
      expect(stdout.trim()).toBe('');
    }
    const { stdout: domains } = await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name']);
    expect(domains.split('\n').filter((line) => line.startsWith(twinName))).toEqual([]);
    await context.close();
  }, 420_000);
});
