/**
 * Issue #16: free-string ids and image references reached dockerode's request paths as they were,
 * so `images.remove {image: "name/json?"}` deleted a user's tag. Every id and reference is now
 * checked by pattern before any engine call, and image references travel as encoded path segments.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = `tl-refs-${process.pid}`;
const victim = `${prefix}-users-tag`;

describe.skipIf(gate.skip)('ids and image references on the real dockerd', () => {
  let lab: Lab;
  let client: LabClient;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('docker'));
    await client.call('images.import', {
      file: `${fixturesDir}/busybox/rootfs.tar`,
      repoTag: `${prefix}/ours:1`,
      command: ['/bin/sh'],
      operationId: `${prefix}-import`,
    });
    // The user's own tag on that image (it inherits Twinlab's label, so only the name tells them apart).
    await run('docker', ['tag', `${prefix}/ours:1`, `${victim}:latest`]);
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await run('docker', ['rmi', `${victim}:latest`, `${prefix}/ours:1`]).catch(() => undefined);
  });

  it('refuses malformed image references as bad input, before Docker sees them; the user tag stays', async () => {
    for (const image of [
      `${victim}/json?`,
      `${victim}?force=1`,
      `../${victim}`,
      `${victim}#x`,
      `${victim} x`,
      `%2e%2e`,
    ]) {
      await expect(client.call('images.remove', { image })).rejects.toMatchObject({ code: 'bad-input' });
    }
    const { stdout } = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', `${victim}:latest`]);
    expect(stdout.trim()).toMatch(/^sha256:/);
  });

  it('refuses malformed guest ids on every kind of call', async () => {
    const bad = ['../images/x', 'a/b', 'a?b', ' a', ''];
    for (const id of bad) {
      await expect(client.call('containers.inspect', { id })).rejects.toMatchObject({ code: 'bad-input' });
      await expect(client.call('vms.xml', { id })).rejects.toMatchObject({ code: 'bad-input' });
      await expect(
        client.call('console.open', { target: { kind: 'container-logs', guestId: id }, cols: 80, rows: 24 }),
      ).rejects.toMatchObject({ code: 'bad-input' });
      await expect(client.call('compare.measure', { guestIds: [id] })).rejects.toMatchObject({
        code: 'bad-input',
      });
    }
  });

  it('still handles real references with a registry path, tag and slash (encoded as one segment)', async () => {
    await client.call('images.remove', { image: `${prefix}/ours:1` });
    await expect(run('docker', ['image', 'inspect', `${prefix}/ours:1`])).rejects.toThrow();
    await run('docker', ['image', 'inspect', `${victim}:latest`]); // untagging ours left the user's tag
  });
});
