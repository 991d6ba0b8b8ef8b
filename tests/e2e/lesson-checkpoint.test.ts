/**
 * A lesson checkpoint in Chromium on fixture-twin (Docker, gVisor, libvirt): lesson 6's "Break it,
 * then go back". Run saves the twin first, then deletes /bin in the container and the VM; Check is
 * red; Back to this step restores both (the container made again from its saved image, the VM from
 * its saved memory) and Check is green again; both consoles answer again.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { startOnFixtureTwin, lessonSuite } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)(
  'a lesson checkpoint in Chromium on fixture-twin (Docker, gVisor, libvirt)',
  () => {
    const { app, guests } = lessonSuite('lesson-checkpoint');
    // The guests go by name here, not through twins.delete: their checkpoint images are removed after them.
    afterAll(async () => {
      await guests.removeAll();
      const { stdout } = await run('docker', [
        'images',
        '--filter',
        'label=io.twinlab.checkpoint.lesson=filesystems',
        '--format',
        '{{.Repository}}:{{.Tag}}',
      ]);
      const ours = stdout
        .split('\n')
        .filter((ref) => [...guests.names].some((name) => ref.endsWith(`.${name}`)));
      if (ours.length > 0) await run('docker', ['rmi', ...ours]);
    }, 120_000);
    const stepId = 'break-it';

    it('breaks both guests, goes back to the step, and its check passes again', async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'light' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.evaluate(() => (window.location.hash = '#/lessons/filesystems'));
      await page.getByRole('heading', { level: 1, name: 'Filesystems' }).waitFor();
      const lessons = new LessonPage(page);
      await startOnFixtureTwin(lessons, guests, { start: 'Start lesson', vmPrefix: 'VM' });

      const step = lessons.step(stepId);
      const checkpoint = step.getByTestId('checkpoint');
      const status = checkpoint.getByTestId('checkpoint-status');
      await step.scrollIntoViewIfNeeded();
      expect(await status.innerText()).toContain("before this step's first Run");
      expect(await checkpoint.getByRole('button', { name: /^Back to the checkpoint/ }).count()).toBe(0);

      // Before breaking anything the tools are there.
      expect(await lessons.runAndCheck(stepId, { run: /^NO RUN$/, check: /^Check step / })).toBe('passed');

      // Run: the checkpoint is saved first, then /bin goes in the container and in the VM.
      await step.getByRole('button', { name: /^Run / }).click();
      await checkpoint.and(page.locator('[data-saved]')).waitFor({ timeout: 120_000 });
      expect(await status.innerText()).toMatch(
        /^Saved at .+: container: its files \(its processes start again\), sandbox: .+ and VM: memory and disks \(everything\)\.$/,
      );
      const vm = lessons.terminal(await lessons.paneLabel('VM'));
      const container = lessons.terminal(await lessons.paneLabel('Container'));
      // The panes are narrow and xterm wraps the answer wherever its row began; BusyBox's echoed
      // cursor report (^[[23;5R) may begin that row (seen in a CI rehearsal): any break between letters.
      const gone = new RegExp([...'/bin:Nosuchfileordirectory'].join('\\s*'));
      await vm.waitForText(gone, 60_000);
      await container.waitForText(gone, 60_000);
      expect(await lessons.runAndCheck(stepId, { run: /^NO RUN$/, check: /^Check step / })).toBe('failed');
      await checkpoint.scrollIntoViewIfNeeded();
      await capture(page, 'lesson-checkpoint-saved-en-light');

      await checkpoint
        .getByRole('button', { name: 'Back to the checkpoint of Break it, then go back' })
        .click();
      await expect
        .poll(() => status.innerText(), { timeout: 180_000, interval: 500 })
        .toMatch(/^Back to this step in [\d.]+ s \(container [\d.]+ s, sandbox [\d.]+ s,? and VM [\d.]+ s\)/);
      console.info(`lesson checkpoint e2e: ${await status.innerText()}`);
      const verdict = await lessons.runAndCheck(stepId, { run: /^NO RUN$/, check: /^Check step / });
      if (verdict !== 'passed') console.info(await lessons.check(stepId, 'tools-back').innerText());
      expect(verdict).toBe('passed');
      expect(await lessons.checkStatuses(stepId)).toEqual(['passed']);

      // Both consoles are back: the VM's session reconnected, the new container has a console of its own.
      const again = lessons.terminal(await lessons.paneLabel('VM'));
      await again.waitUntilOpen(60_000);
      await again.run('test -x /bin/ls && echo vm-tools-$((40+2))');
      await again.waitForText('vm-tools-42', 30_000);
      const newContainer = lessons.terminal(await lessons.paneLabel('Container'));
      await newContainer.waitUntilOpen(60_000);
      await newContainer.run('test -x /bin/ls && echo container-tools-$((40+2))');
      await newContainer.waitForText('container-tools-42', 30_000);
      // The new console has the pane's width (a lost resize once left it 2 columns wide).
      await newContainer.run('stty size | sed "s/^/size-/"');
      const columns = Number(
        /^size-\d+ (\d+)$/m.exec(await newContainer.waitForText(/^size-\d+ \d+$/m))?.[1],
      );
      expect(columns).toBeGreaterThan(20);
      await checkpoint.scrollIntoViewIfNeeded();
      await capture(page, 'lesson-checkpoint-restored-en-light');
      await context.close();
    }, 600_000);

    it('shows the restored checkpoint in Korean and the dark scheme', async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await new AppShell(page).chooseLanguage('한국어');
      await page.evaluate(() => (window.location.hash = '#/lessons/filesystems'));
      const step = new LessonPage(page).step(stepId);
      const checkpoint = step.getByTestId('checkpoint');
      await checkpoint.and(page.locator('[data-saved]')).waitFor({ timeout: 60_000 });
      expect(await checkpoint.getByTestId('checkpoint-status').innerText()).toMatch(
        /에 저장됨: 컨테이너: 파일/,
      );
      await checkpoint.getByRole('button', { name: '망가뜨리고 되돌리기의 체크포인트로 돌아가기' }).waitFor();
      await checkpoint.scrollIntoViewIfNeeded();
      await capture(page, 'lesson-checkpoint-ko-dark');
      await context.close();
    }, 120_000);
  },
);
