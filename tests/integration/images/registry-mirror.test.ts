import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { ImagePuller } from '../../../src/main/lab/images/image-puller';
import type { PullProgress } from '../../../src/shared/containers';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const image = 'debian:bookworm-slim';
/**
 * The lab host's registry mirror (scripts/build-mirror.sh) by another name than dockerd's
 * "registry-mirrors" entry (http://127.0.0.1:5000), so Twinlab itself pulls through it and tags
 * the result; the plain-pull path through dockerd's mirror is the last test.
 */
const twinlabRoute = 'localhost:5000';
const prefix = `tl-mirror-${process.pid}`;

const gate = await engineGate(['docker']);
const registryAnswers = await fetch('http://127.0.0.1:5000/v2/', { signal: AbortSignal.timeout(3000) }).then(
  async (response) => {
    await response.body?.cancel(); // never leave a response paused (nodejs/undici#5360)
    return response.ok;
  },
  () => false,
);
if (!registryAnswers && process.env['CI'])
  throw new Error('CI requires the local registry mirror on 127.0.0.1:5000: run scripts/build-mirror.sh');
/** Removing the image under a container that uses it would not make the next pull a real one. */
const inUse = gate.skip
  ? ''
  : (await run('docker', ['ps', '-aq', '--filter', `ancestor=${image}`])).stdout.trim();
if (inUse && process.env['CI'])
  throw new Error(
    `CI needs ${image} unused for a real pull, but containers ${inUse.replace(/\n/g, ' ')} use it`,
  );
if (inUse) console.warn(`SKIPPED pull tests: containers ${inUse.replace(/\n/g, ' ')} use ${image}`);

async function imagePresent(name: string): Promise<boolean> {
  return run('docker', ['image', 'inspect', name]).then(
    () => true,
    () => false,
  );
}

async function containersNamed(name: string): Promise<string> {
  return (await run('docker', ['ps', '-aq', '--filter', `name=^${name}$`])).stdout.trim();
}

describe.skipIf(gate.skip || !registryAnswers)(
  'the debian template through the local registry mirror',
  () => {
    let lab: Lab;
    let client: LabClient;
    let configHome: string;

    beforeAll(async () => {
      configHome = await mkdtemp(join(tmpdir(), 'tl-mirror-'));
      ({ lab, client } = await startTestLab('docker', {
        XDG_CONFIG_HOME: configHome,
        TWINLAB_MIRROR: `{registry: ${twinlabRoute}}`,
      }));
    });
    afterAll(async () => {
      client?.close();
      await lab?.dispose();
      const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
      const leftovers = stdout.split('\n').filter(Boolean);
      if (leftovers.length > 0) await run('docker', ['rm', '-fv', ...leftovers]);
      // Others on this machine use the image: leave it pulled, through dockerd's mirror.
      await run('docker', ['pull', '-q', image], { timeout: 120_000 });
      await rm(configHome, { recursive: true, force: true });
    });

    const spec = async (name: string) => {
      const catalog = await client.call('templates.list', {});
      const template = catalog.entries.find((entry) => entry.template.id === 'debian')?.template;
      expect(template?.container?.image).toBe(image);
      return { ...template?.container, image, name, templateId: 'debian' };
    };
    const pullsOf = (operationId: string): PullProgress[] =>
      client
        .of('operation.progress')
        .filter((progress) => progress.operationId === operationId)
        .flatMap((progress) => (progress.pull ? [progress.pull] : []));

    it.skipIf(inUse)(
      'pulls the template’s Docker Hub name with layer and byte progress, tagged as that name',
      async () => {
        await run('docker', ['rmi', image]).catch(() => undefined);
        expect(await imagePresent(image)).toBe(false);
        const status = await client.call('mirrors.status', {});
        expect(status).toMatchObject({
          source: 'env',
          registry: twinlabRoute,
          probes: { registry: { answers: true } },
        });

        const started = performance.now();
        const guest = await client.call('containers.create', {
          spec: await spec(`${prefix}-a`),
          operationId: 'pull-a',
        });
        const seconds = (performance.now() - started) / 1000;
        expect(guest.state).toBe('running');

        const pulls = pullsOf('pull-a');
        const last = pulls.at(-1);
        expect(last?.phase).toBe('done');
        expect(last?.layersTotal).toBeGreaterThan(0);
        expect(last?.layersDone).toBe(last?.layersTotal);
        // A real transfer: tens of MB of compressed layers, reported as they came.
        expect(last?.bytesDone).toBeGreaterThan(20 * 1024 * 1024);
        expect(pulls.some((pull) => pull.bytesDone > 0 && pull.bytesDone < pull.bytesTotal)).toBe(true);
        console.info(
          `pull of ${image} through ${twinlabRoute}: ${seconds.toFixed(1)} s, ${pulls.length} progress events`,
        );

        expect(await imagePresent(image)).toBe(true);
        expect(await imagePresent(`${twinlabRoute}/library/debian:bookworm-slim`)).toBe(false);
        await client.call('containers.action', { id: guest.id, action: 'remove' });
      },
    );

    it.skipIf(inUse)('a cancel half way through the pull leaves no image and no container', async () => {
      await run('docker', ['rmi', image]).catch(() => undefined);
      const name = `${prefix}-b`;
      const creating = client.call('containers.create', { spec: await spec(name), operationId: 'pull-b' });
      await client.waitFor(
        () => pullsOf('pull-b').some((pull) => pull.bytesDone > 0 && pull.bytesDone < pull.bytesTotal),
        'the first bytes of the pull',
        60_000,
      );
      await client.call('operations.cancel', { operationId: 'pull-b' });
      await expect(creating).rejects.toMatchObject({ key: 'containers.create.cancelled' });

      // dockerd finishes its cancel on its own time: give it a moment, then nothing may remain.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await imagePresent(image)).toBe(false);
      expect(await imagePresent(`${twinlabRoute}/library/debian:bookworm-slim`)).toBe(false);
      expect(await containersNamed(name)).toBe('');
    });

    it('names the mirror when it does not answer or lacks the image, and routes through dockerd’s own mirror', async () => {
      const docker = new Docker();
      const silent = new ImagePuller({ registryMirror: async () => '127.0.0.1:1' });
      await expect(silent.pull(docker, 'busybox:latest')).rejects.toMatchObject({
        key: 'mirrors.error.registryUnreachable',
        message: expect.stringContaining('127.0.0.1:1'),
      });
      const local = new ImagePuller({ registryMirror: async () => twinlabRoute });
      await expect(local.pull(docker, 'busybox:no-such-tag')).rejects.toMatchObject({
        key: 'mirrors.error.registryMissing',
        message: expect.stringContaining(twinlabRoute),
      });
      // The machine's own setting names the registry dockerd already uses: a plain pull goes through it.
      const machine = new ImagePuller({ registryMirror: async () => '127.0.0.1:5000' });
      expect(await machine.route(docker, image)).toEqual({
        kind: 'docker-mirror',
        image,
        mirror: '127.0.0.1:5000',
      });
      // Another registry's image never goes to a Docker Hub mirror.
      expect(await local.route(docker, 'quay.io/x/y:1')).toEqual({ kind: 'direct', image: 'quay.io/x/y:1' });
    });
  },
);
