import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { LessonProgress } from '../../../src/shared/lessons';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const gate = await engineGate(['docker']);

/** lessons.progress survives a restart of the lab; lessons.prepare knows fixture-twin needs nothing. */
describe.skipIf(gate.skip)('lesson runner: progress on disk and prepare for offline', () => {
  let dataHome: string;
  let lab: Lab | undefined;
  let client: LabClient;
  const start = async () => {
    ({ lab, client } = await startTestLab('docker', { XDG_DATA_HOME: dataHome }));
  };
  beforeAll(async () => {
    dataHome = await mkdtemp(join(tmpdir(), 'tl-lesson-progress-'));
    await start();
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await rm(dataHome, { recursive: true, force: true });
  });

  it('saves progress to the data folder and reads it back after a restart', async () => {
    expect(await client.call('lessons.progress.get', {})).toEqual({});
    const progress: LessonProgress = {
      twinId: 'twin-1',
      templateId: 'fixture-twin',
      steps: {
        'ask-the-kernel': {
          state: 'done',
          results: [
            {
              checkId: 'container-is-host',
              status: 'pass',
              reason: { key: 'lessons.check.passed', message: 'Printed x.', params: { outputs: 'x' } },
            },
          ],
        },
      },
    };
    await client.call('lessons.progress.save', { lessonId: 'kernel', progress });
    await client.call('lessons.progress.save', { lessonId: 'processes', progress: { steps: {} } });
    const onDisk = JSON.parse(await readFile(join(dataHome, 'twinlab', 'lesson-progress.json'), 'utf8'));
    expect(onDisk.lessons.kernel.twinId).toBe('twin-1');

    client.close();
    await lab?.dispose();
    await start();
    expect(await client.call('lessons.progress.get', {})).toEqual({
      kernel: progress,
      processes: { steps: {} },
    });
    await client.call('lessons.progress.save', { lessonId: 'processes', progress: null });
    expect(Object.keys(await client.call('lessons.progress.get', {}))).toEqual(['kernel']);
  }, 60_000);

  it('refuses progress that is not the lesson format, with the field', async () => {
    await expect(
      client.call('lessons.progress.save', {
        lessonId: 'kernel',
        progress: { steps: { s: { state: 'finished', results: [] } } } as never,
      }),
    ).rejects.toThrow(/state/);
  });

  it('reports fixture-twin ready: its image is loaded and its kernel files exist', async () => {
    const report = await client.call('lessons.prepare', { templateId: 'fixture-twin' });
    expect(report.items.map((item) => [item.kind, item.present])).toEqual([
      ['container-image', true],
      ['vm-kernel', true],
      ['vm-kernel', true],
    ]);
    expect(report.ready).toBe(true);
    // Fetching when nothing is missing is an operation that ends at once, ready.
    const fetched = await client.call('lessons.prepare', {
      templateId: 'fixture-twin',
      operationId: 'prep-1',
    });
    expect(fetched.ready).toBe(true);
  }, 60_000);

  it('says what is missing when a template image is not on this machine', async () => {
    const catalog = await client.call('templates.list', {});
    const withRegistryImage = catalog.entries.find(
      (entry) => entry.template.container && !entry.template.container.image.startsWith('twinlab-fixture/'),
    );
    if (!withRegistryImage) throw new Error('no built-in template with a registry image');
    const report = await client.call('lessons.prepare', { templateId: withRegistryImage.template.id });
    expect(report.items[0]?.kind).toBe('container-image');
    expect(report.items[0]?.fetchable).toBe(true);
    // Whether it is present depends on this host's image store; ready follows the items.
    expect(report.ready).toBe(report.items.every((item) => item.present));
  });

  it('answers not-found for an unknown template', async () => {
    await expect(client.call('lessons.prepare', { templateId: 'no-such-template' })).rejects.toThrow(
      /no template "no-such-template"/,
    );
  });
});
