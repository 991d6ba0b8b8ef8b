/**
 * A flood of output (50 MB from `seq`) into a console whose viewer stops acking, then acks slowly:
 * the backend must be paused, main's memory must stay bounded, and every line must still arrive,
 * once and in order. Against a real container (docker exec) and a real host pty.
 */
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerExecBackend } from '../../../src/main/lab/consoles/backends/docker-exec';
import { ptyBackend } from '../../../src/main/lab/consoles/backends/pty';
import { engineGate } from '../../support/engines';
import { Harness } from './console-harness';
import { docker, startBusybox } from './docker-fixtures';
import { floodWithSlowViewer, type FloodResult } from './flood-check';

const lines = 5_700_000; // "1\r\n" … "5700000\r\n": 50.2 million characters
const floodTimeoutMs = 150_000;
const gate = await engineGate(['docker']);

function expectBoundedAndComplete(result: FloodResult, label: string): void {
  const { checker, ...numbers } = result;
  console.log(`[flood ${label}]`, JSON.stringify(numbers));
  expect(result.paused, 'backend paused for a viewer that stopped acking').toBe(true);
  expect(result.stalledGrowth, 'nothing more sent while paused').toBe(0);
  expect(result.stalledUnacked).toBeLessThan(400_000);
  expect(result.rssPeakGrowthMb).toBeLessThan(100);
  expect(checker.error).toBeUndefined();
  expect(checker.next - 1).toBe(lines);
  expect(checker.done).toBe(true);
}

describe.skipIf(gate.skip)('flood through docker exec', () => {
  const harness = new Harness();
  let container: Docker.Container;

  beforeAll(async () => {
    container = await startBusybox();
  });
  afterAll(async () => {
    await harness.closeAll();
    await container?.remove({ force: true });
  });

  it(
    'pauses the exec stream, keeps memory bounded and delivers everything',
    { timeout: floodTimeoutMs + 30_000 },
    async () => {
      const viewer = await harness.open(({ cols, rows }) =>
        dockerExecBackend(docker, container.id, { cols, rows }),
      );
      await viewer.run('echo ready-$((1+1))', 'ready-2');
      expectBoundedAndComplete(await floodWithSlowViewer(viewer, lines, floodTimeoutMs), 'docker exec');
      // Still a working shell afterwards, and the replay stayed within its bound.
      await viewer.run('echo after-$((3*3))', 'after-9');
      expect(harness.manager.attach(viewer.id).replay.length).toBeLessThanOrEqual(
        harness.manager.limits.replayChars,
      );
    },
  );
});

describe('flood through a host pty', () => {
  const harness = new Harness();
  afterAll(() => harness.closeAll());

  it(
    'pauses the pty, keeps memory bounded and delivers everything',
    { timeout: floodTimeoutMs + 30_000 },
    async () => {
      const viewer = await harness.open(async ({ cols, rows }) =>
        ptyBackend('/bin/sh', [], {
          cols,
          rows,
          cwd: '/tmp',
          env: { PATH: process.env['PATH'], HOME: '/tmp', PS1: '$ ' },
        }),
      );
      await viewer.run('echo ready-$((1+1))', 'ready-2');
      expectBoundedAndComplete(await floodWithSlowViewer(viewer, lines, floodTimeoutMs), 'pty');
    },
  );
});
