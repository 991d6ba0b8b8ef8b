/**
 * Issue #14: probe results (Measure inside) persist per twin in Twinlab's data folder, so the
 * Compare page and its exports are whole after a reload and after the app restarts. A probe runs
 * in a real container's console, is saved, and a second lab over the same folder reads it back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProbeRun } from '../../../src/shared/compare-results';
import { engineGate } from '../../support/engines';
import { startTestLab } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const name = `tl-it-results-${process.pid.toString(36)}`;

describe.skipIf(gate.skip)('probe results across a lab restart', () => {
  const dataHome = mkdtemp(join(tmpdir(), 'tl-results-'));
  afterAll(async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
    await rm(await dataHome, { recursive: true, force: true });
  });

  it('reads back what the first lab saved, and forgets it when told to', async () => {
    const env = { XDG_DATA_HOME: await dataHome };
    const first = await startTestLab('docker', env);
    const guest = await first.client.call('containers.create', {
      spec: {
        image: 'twinlab-fixture/busybox:1',
        name,
        templateId: 'test',
        memoryMiB: 64,
        twinId: 'twin-results',
      },
      operationId: `${name}-op`,
    });
    const results = await first.client.call('console.run', {
      targets: [{ kind: 'container', guestId: guest.id }],
      command: 'uname -r',
      timeoutMs: 15_000,
    });
    expect(results[0]).toMatchObject({ ok: true });
    const runs: ProbeRun[] = [{ probe: 'kernel', at: new Date().toISOString(), results }];
    await first.client.call('compare.results.save', { twinId: 'twin-results', runs });
    first.client.close();
    await first.lab.dispose();

    const second = await startTestLab('docker', env);
    expect(await second.client.call('compare.results.get', { twinId: 'twin-results' })).toEqual(runs);
    expect(await second.client.call('compare.results.get', { twinId: 'another-twin' })).toEqual([]);
    await second.client.call('compare.results.save', { twinId: 'twin-results', runs: [] });
    expect(await second.client.call('compare.results.get', { twinId: 'twin-results' })).toEqual([]);
    second.client.close();
    await second.lab.dispose();
  }, 120_000);
});
