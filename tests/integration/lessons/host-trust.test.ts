/**
 * Issue #16: checks with target=host from a lesson pack ran commands on the learner's computer
 * without asking. A lesson that is not Twinlab's own now needs the learner's one-time consent
 * (trustHost, sent once the UI asked) before lessons.check types anything into the host shell.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const gate = await engineGate(['docker']);

function packWithHostCheck(marker: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-it-host-trust-'));
  mkdirSync(join(dir, 'host-check'));
  writeFileSync(
    join(dir, 'host-check', 'lesson.md'),
    [
      '---',
      'id: it-host-check',
      'title: A lesson that touches the host',
      'summary: Its check runs on the host.',
      'level: beginner',
      'duration: 1',
      'needs:',
      '  roles: [container]',
      '---',
      '',
      '## Touch the host {#touch}',
      '',
      `\`\`\`check #touched target=host expect="."`,
      `touch ${marker}; echo done`,
      '```',
      '',
    ].join('\n'),
  );
  return dir;
}

describe.skipIf(gate.skip)('host commands from lessons that are not Twinlab’s own', () => {
  let lab: Lab;
  let client: LabClient;
  const marker = join(mkdtempSync(join(tmpdir(), 'tl-it-marker-')), 'touched');

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('docker', { TWINLAB_EXTRA_LESSONS: packWithHostCheck(marker) }));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
  });

  it('refuses a pack lesson’s host check until the learner allowed it', async () => {
    await expect(
      client.call('lessons.check', { lessonId: 'it-host-check', stepId: 'touch', twinId: 'no-such-twin' }),
    ).rejects.toMatchObject({ code: 'forbidden', key: 'lessons.trust.notTrusted' });
  });

  it('goes on once allowed (here to the missing twin), and built-in lessons never ask', async () => {
    const allowed = { stepId: 'touch', twinId: 'no-such-twin', trustHost: true };
    await expect(
      client.call('lessons.check', { lessonId: 'it-host-check', ...allowed }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      client.call('lessons.check', {
        lessonId: 'memory-density',
        stepId: 'what-they-see',
        twinId: 'no-such-twin',
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
