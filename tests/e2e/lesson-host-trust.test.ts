import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot } from './support/browser';
import { LessonGuests, startOnFixtureTwin } from './support/lesson-twin';
import { LessonPage } from './pages/lesson-page';

// Issue #16: a lesson pack's host commands ran on the learner's computer without a word. Now the
// first Run or Check of such a step asks, listing the commands; Cancel types nothing.
const gate = await engineGate(['docker', 'libvirt']);

function hostLessonPack(marker: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-e2e-host-trust-'));
  mkdirSync(join(dir, 'host-trust'));
  writeFileSync(
    join(dir, 'host-trust', 'lesson.md'),
    [
      '---',
      'id: e2e-host-trust',
      'title: A lesson that uses the host',
      'summary: It types one command into the host shell.',
      'level: beginner',
      'duration: 1',
      'needs:',
      '  roles: [container, vm]',
      '---',
      '',
      '## Say hello from the host {#hello}',
      '',
      '```run target=host',
      `touch ${marker}`,
      '```',
      '',
      '```check #hello target=host expect="^twinlab-host-42$"',
      'echo twinlab-host-$((40+2))',
      '```',
      '',
    ].join('\n'),
  );
  return dir;
}

describe.skipIf(gate.skip)('host commands of a lesson pack in Chromium', () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'tl-e2e-marker-')), 'touched');
  const pack = hostLessonPack(marker);
  const dataHome = mkdtempSync(join(tmpdir(), 'tl-e2e-host-trust-data-'));
  const app = appUnderTest({ TWINLAB_EXTRA_LESSONS: pack, XDG_DATA_HOME: dataHome });
  const guests = new LessonGuests();
  afterAll(async () => {
    await guests.removeAll();
    rmSync(pack, { recursive: true, force: true });
    rmSync(dataHome, { recursive: true, force: true });
  }, 120_000);

  it('asks once, listing the commands; Cancel types nothing, Allow runs the step', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => (window.location.hash = '#/lessons/e2e-host-trust'));
    const lessons = new LessonPage(page);
    await page.getByTestId('start-lesson').waitFor();
    await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });

    const step = lessons.step('hello');
    const dialog = page.getByRole('dialog', { name: 'Let this lesson run commands on your computer?' });
    await step.getByRole('button', { name: /^Run / }).click();
    await dialog.waitFor();
    expect(await dialog.getByTestId('host-trust-commands').innerText()).toBe(
      `touch ${marker}\necho twinlab-host-$((40+2))`,
    );
    await screenshot(page, 'lesson-host-trust-en-light');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await step.getAttribute('data-busy')).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('twinlab.lessons.hostTrust'))).toBeNull();
    expect(existsSync(marker)).toBe(false);

    await step.getByRole('button', { name: /^Run / }).click();
    await dialog.getByRole('button', { name: 'Allow for this lesson' }).click();
    await expect.poll(() => step.getAttribute('data-state'), { timeout: 120_000 }).toBe('passed');
    expect(existsSync(marker)).toBe(true);
    // Asked once: Check again goes straight through.
    await step.getByRole('button', { name: /^Check step / }).click();
    await expect.poll(() => step.getAttribute('data-busy'), { timeout: 60_000 }).toBeNull();
    expect(await dialog.isVisible()).toBe(false);
    await context.close();
  }, 600_000);
});
