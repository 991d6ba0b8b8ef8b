/**
 * Issue #14 item 9: twins.delete also forgets what was saved about the twin. On real dockerd: a
 * container of a twin answers a probe, the run is saved (compare.results, a JSON file in the data
 * folder) beside another twin's; deleting the twin removes the container, and the file no longer
 * names it, while the other twin's results are untouched.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { labPaths } from '../../../src/main/lab/paths';
import type { ProbeRun } from '../../../src/shared/compare-results';
import { engineGate } from '../../support/engines';
import { startTestLab } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const name = `tl-it-forget-${process.pid.toString(36)}`;
const twinId = 'twin-forget';
const otherTwinId = 'twin-kept';

describe.skipIf(gate.skip)('deleting a twin forgets its saved results', () => {
  const dataHome = mkdtemp(join(tmpdir(), 'tl-forget-'));
  afterAll(async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
    await rm(await dataHome, { recursive: true, force: true });
  });

  it('removes the twin’s probe runs from the store, and only those', async () => {
    const env = { XDG_DATA_HOME: await dataHome };
    const { lab, client } = await startTestLab('docker', env);
    try {
      const guest = await client.call('containers.create', {
        spec: { image: 'twinlab-fixture/busybox:1', name, templateId: 'test', memoryMiB: 64, twinId },
        operationId: `${name}-op`,
      });
      const results = await client.call('console.probe', {
        targets: [{ kind: 'container', guestId: guest.id }],
        command: 'uname -r',
        timeoutMs: 15_000,
      });
      expect(results[0]).toMatchObject({ ok: true });
      const at = new Date().toISOString();
      const runs: ProbeRun[] = [{ probe: 'kernel', at, results }];
      const otherRuns: ProbeRun[] = [{ probe: 'processes', at, results }];
      await client.call('compare.results.save', { twinId, runs });
      await client.call('compare.results.save', { twinId: otherTwinId, runs: otherRuns });
      const file = join(labPaths(env).data, 'compare-results.json');
      const saved = async () => (JSON.parse(await readFile(file, 'utf8')) as { twins: object }).twins;
      expect(Object.keys(await saved()).sort()).toEqual([twinId, otherTwinId].sort());

      const deleted = await client.call('twins.delete', { twinId });
      expect(deleted.guests).toEqual([]);
      expect((await run('docker', ['ps', '-aq', '--filter', `name=^${name}$`])).stdout.trim()).toBe('');
      expect(Object.keys(await saved())).toEqual([otherTwinId]);
      expect(await client.call('compare.results.get', { twinId })).toEqual([]);
      expect(await client.call('compare.results.get', { twinId: otherTwinId })).toEqual(otherRuns);
    } finally {
      client.close();
      await lab.dispose();
    }
  }, 120_000);
});
