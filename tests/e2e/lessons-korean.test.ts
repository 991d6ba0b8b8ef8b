import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp } from './support/browser';
import { capture } from './support/guest-wizard';
import { completeEveryStep, LessonGuests, startOnFixtureTwin } from './support/lesson-twin';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

const gate = await engineGate(['docker', 'libvirt']);

const builtinLessons = [
  'kernel',
  'boot-time',
  'memory-density',
  'processes',
  'cgroups',
  'filesystems',
  'networking',
  'isolation',
  'different-os',
  'hardware-virtualization',
  'app-vs-system',
  'chroot-to-namespaces',
  'layers-cow',
  'virtio',
];

/** A lesson pack with one lesson written in English only. */
function englishOnlyPack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-e2e-lessons-en-only-'));
  mkdirSync(join(dir, 'english-only'));
  writeFileSync(
    join(dir, 'english-only', 'lesson.md'),
    [
      '---',
      'id: e2e-english-only',
      'title: Not translated yet',
      'summary: A lesson written in English only.',
      'level: beginner',
      'duration: 1',
      'needs:',
      '  roles: [container, vm]',
      '---',
      '',
      '## Look {#look}',
      '',
      '```check #kernel target=container expect="."',
      'uname -r',
      '```',
      '',
    ].join('\n'),
  );
  return dir;
}

describe.skipIf(gate.skip)('Lessons in Korean, in Chromium on fixture-twin (Docker, gVisor, libvirt)', () => {
  const dataHome = mkdtempSync(join(tmpdir(), 'tl-e2e-lessons-ko-'));
  const pack = englishOnlyPack();
  const app = appUnderTest({ XDG_DATA_HOME: dataHome, TWINLAB_EXTRA_LESSONS: pack });
  const guests = new LessonGuests();
  afterAll(async () => {
    await guests.removeAll();
    rmSync(dataHome, { recursive: true, force: true });
    rmSync(pack, { recursive: true, force: true });
  }, 120_000);

  it('shows a 한국어 badge on every built-in lesson (English on an untranslated one) and completes lesson 1 in Korean, dark', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await new AppShell(page).chooseLanguage('한국어');
    await page.getByRole('navigation').getByRole('link', { name: '레슨', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '레슨' }).waitFor();
    const lessons = new LessonPage(page);

    // Each card: its Korean title, and a badge saying the text is Korean.
    for (const id of builtinLessons) {
      const card = lessons.card(id);
      await card.waitFor();
      const badge = card.getByRole('note', { name: '레슨 본문 언어: 한국어', exact: true });
      expect(await badge.innerText(), id).toBe('한국어');
      expect(await card.getAttribute('aria-label'), id).toMatch(/\p{Script=Hangul}/u);
    }
    // A lesson without a Korean text says it is in English.
    const untranslated = lessons.card('e2e-english-only');
    expect(await untranslated.getAttribute('aria-label')).toBe('Not translated yet');
    expect(
      await untranslated.getByRole('note', { name: '레슨 본문 언어: English', exact: true }).innerText(),
    ).toBe('English');
    expect(await page.getByTestId('lesson-language').count()).toBe(builtinLessons.length + 1);
    expect(await lessons.card('kernel').getAttribute('aria-label')).toBe('커널은 하나일까, 둘일까');
    expect(await lessons.cardProgress('kernel').innerText()).toBe('4단계 중 0단계 완료');
    await capture(page, 'lessons-list-ko-dark');

    await page.getByRole('button', { name: '레슨 커널은 하나일까, 둘일까 열기', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '커널은 하나일까, 둘일까' }).waitFor();
    await startOnFixtureTwin(lessons, guests, { start: '레슨 시작', vmPrefix: 'VM' });
    const steps = await completeEveryStep(
      lessons,
      { run: / 실행$/, check: / 단계 확인$/ },
      { afterStep: 1, name: 'lesson-kernel-in-progress-ko-dark' },
    );
    expect(steps).toEqual(['ask-the-kernel', 'boot-id', 'sandbox', 'why']);
    // The steps and the checks' verdicts are in Korean too.
    const stepTwo = page.getByRole('region', {
      name: '2. 버전만 같은 것이 아니라 실행 중인 커널 자체가 같다',
      exact: true,
    });
    expect(await stepTwo.getAttribute('data-testid')).toBe('step-boot-id');
    expect(
      await lessons.check('ask-the-kernel', 'container-is-host').getByTestId('check-reason').innerText(),
    ).toMatch(/^출력: 컨테이너: ".+" 및 호스트: ".+"\.$/);
    await capture(page, 'lesson-kernel-done-ko-dark');

    await page.getByRole('link', { name: '모든 레슨', exact: true }).click();
    // Leaving with the twin running asks what to do with it: keep it.
    await page.getByRole('dialog').getByRole('button', { name: '계속 실행', exact: true }).click();
    await expect
      .poll(() => lessons.cardProgress('kernel').innerText(), { timeout: 30_000 })
      .toBe('4단계 중 4단계 완료');
    await context.close();
  }, 600_000);
});
