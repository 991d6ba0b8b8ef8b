import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect } from 'vitest';
import { appUnderTest, type AppUnderTest } from './app-under-test';
import type { LessonPage } from '../pages/lesson-page';
import { capture } from './guest-wizard';
import { removeDomain } from '../../support/domain-cleanup';

const run = promisify(execFile);

/** The built-in twin template every lesson e2e runs on: BusyBox container, gVisor sandbox, microVM. */
export const fixtureTwinTemplate = 'BusyBox twin (offline fixture)';

/** Names of the lesson twins' guests a test made, removed whatever happened. */
export class LessonGuests {
  readonly names = new Set<string>();

  /** Records the lesson's guests; lesson twins are named lesson-<id>-<random>, nothing else is touched. */
  record(names: readonly string[]): void {
    for (const name of names) if (name.startsWith('lesson-')) this.names.add(name);
  }

  async removeAll(): Promise<void> {
    for (const name of this.names) {
      if (name.endsWith('-vm')) {
        await removeDomain(name);
      } else if (name.endsWith('-system')) await lxcDelete(name);
      else await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
    }
  }
}

/**
 * For one describe block of a lesson e2e: the app with a data folder of its own (lesson progress
 * starts empty) and the lesson twins' guests, all removed afterwards whatever happened.
 */
export function lessonSuite(name: string): { app: AppUnderTest; guests: LessonGuests } {
  const dataHome = mkdtempSync(join(tmpdir(), `tl-e2e-${name}-`));
  const app = appUnderTest({ XDG_DATA_HOME: dataHome });
  const guests = new LessonGuests();
  afterAll(async () => {
    await guests.removeAll();
    rmSync(dataHome, { recursive: true, force: true });
  }, 120_000);
  return { app, guests };
}

/** A system container of a ladder twin; lxc gets an empty stdin (it reads config from a pipe). */
function lxcDelete(name: string): Promise<void> {
  return new Promise((resolve) => {
    execFile('lxc', ['delete', '--force', name], { timeout: 60_000 }, () => resolve()).stdin?.end();
  });
}

/**
 * Starts the open lesson on the fixture twin, in the page's language, and waits until the VM has
 * booted. `startLabel` and `vmPrefix` are the Start button and the VM pane's label in that language.
 */
export async function startOnFixtureTwin(
  lessons: LessonPage,
  guests: LessonGuests,
  labels: { start: string; vmPrefix: string },
): Promise<void> {
  await lessons.start(fixtureTwinTemplate, labels.start);
  const names = await lessons.guestNames();
  guests.record(names);
  expect(names).toHaveLength(3); // runsc is registered here, so the twin has a sandbox
  await lessons.terminal(await lessons.paneLabel(labels.vmPrefix)).waitForText('TWINLAB-READY', 120_000);
}

/** Runs and Checks every step; each must end green with every check passed. */
export async function completeEveryStep(
  lessons: LessonPage,
  names: { run: RegExp; check: RegExp },
  shot: { afterStep: number; name: string },
): Promise<string[]> {
  const steps = await lessons.stepIds();
  expect(steps.length).toBeGreaterThanOrEqual(4);
  for (const [index, step] of steps.entries()) {
    const state = await lessons.runAndCheck(step, names);
    const statuses = await lessons.checkStatuses(step);
    expect({ step, state, statuses }).toEqual({
      step,
      state: 'passed',
      statuses: statuses.map(() => 'passed'),
    });
    if (index === shot.afterStep) await capture(lessons.page, shot.name);
  }
  return steps;
}
