import type Docker from 'dockerode';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointService } from '../../../src/main/lab/lessons/checkpoints/checkpoint-service';
import { ApiError } from '../../../src/shared/errors';
import type { Guest } from '../../../src/shared/guest';

const twinId = 'twin-1';
const guest = (kind: Guest['kind'], name: string, state: Guest['state'] = 'running'): Guest => ({
  id: `${name}-id`,
  name,
  kind,
  engine: kind === 'vm' ? 'libvirt' : kind === 'system' ? 'lxd' : 'docker',
  runtime: kind === 'vm' ? 'qemu-tcg' : kind === 'system' ? 'lxc' : 'runc',
  state,
  templateId: 'fixture-twin',
  twinId,
  createdAt: '2026-12-04T00:00:00Z',
  managed: true,
});

/** Docker as far as a commit and the removal of checkpoint images go; it remembers what exists. */
function fakeDocker() {
  const images = new Map<string, Record<string, string>>();
  const docker = {
    getContainer: (id: string) => ({
      inspect: async () => ({
        Name: `/${id.replace(/-id$/, '')}`,
        Config: { Labels: { 'io.twinlab.managed': 'true' } },
      }),
      commit: async ({ repo, tag, changes }: { repo: string; tag: string; changes: string }) => {
        const labels = Object.fromEntries(
          [...changes.matchAll(/(io\.twinlab\.checkpoint\.\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
        );
        images.set(`${repo}:${tag}`, labels as Record<string, string>);
      },
    }),
    listImages: async ({ filters }: { filters: { label: string[] } }) =>
      [...images.entries()]
        .filter(([, labels]) =>
          filters.label.every((pair) => {
            const [key = '', value] = pair.split('=');
            return value === undefined ? key in labels : labels[key] === value;
          }),
        )
        .map(([tag, labels]) => ({ Id: tag, RepoTags: [tag], Labels: labels })),
    getImage: (tag: string) => ({ remove: async () => void images.delete(tag) }),
  };
  return { docker: docker as unknown as Docker, images };
}

describe('a checkpoint save that fails half way', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function service(guests: Guest[], systemSnapshot: () => Promise<unknown>, fake = fakeDocker()) {
    const dir = mkdtempSync(join(tmpdir(), 'tl-ckpt-unit-'));
    dirs.push(dir);
    const { docker, images } = fake;
    const snapshots: string[] = [];
    const checkpoints = new CheckpointService({
      dir,
      guests: async () => guests,
      docker: () => docker,
      libvirtUri: () => 'qemu:///system',
      systemSnapshot: async (_name, action, snapshot) => {
        snapshots.push(`${action} ${snapshot}`);
        return systemSnapshot();
      },
      consoles: { close: async () => undefined, reconnect: async () => undefined },
    });
    return { checkpoints, images, snapshots, dir };
  }

  it('removes the image it committed and its folder, and says what failed', async () => {
    const { checkpoints, images, dir } = service(
      [guest('container', 'tw-container'), guest('system', 'tw-system')],
      () => Promise.reject(new Error('LXD said no')),
    );
    const key = { twinId, lessonId: 'filesystems', stepId: 'break-it' };
    const failure = await checkpoints.save(key).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).key).toBe('checkpoints.saveFailed');
    expect((failure as ApiError).message).toContain('LXD said no');
    expect([...images.keys()]).toEqual([]);
    expect(existsSync(join(dir, twinId, 'filesystems', 'break-it'))).toBe(false);
    expect(await checkpoints.list(twinId)).toEqual([]);
  });

  it('makes nothing when a part is not running', async () => {
    const { checkpoints, images, snapshots } = service(
      [guest('container', 'tw-container'), guest('system', 'tw-system', 'stopped')],
      () => Promise.resolve(),
    );
    const failure = await checkpoints
      .save({ twinId, lessonId: 'cgroups', stepId: 'hog' })
      .catch((error: unknown) => error);
    expect((failure as ApiError).key).toBe('checkpoints.notRunning');
    expect([...images.keys()]).toEqual([]);
    expect(snapshots).toEqual([]);
  });

  it('keeps both parts when both succeed, and forgets them with the twin', async () => {
    const { checkpoints, images, snapshots } = service(
      [guest('container', 'tw-container'), guest('system', 'tw-system')],
      () => Promise.resolve(),
    );
    const saved = await checkpoints.save({ twinId, lessonId: 'cgroups', stepId: 'hog' });
    expect(saved.parts.map((part) => [part.role, part.keeps])).toEqual([
      ['container', 'files'],
      ['system', 'files'],
    ]);
    expect([...images.keys()]).toEqual(['twinlab-checkpoint/twin-1:cgroups.hog.tw-container']);
    await checkpoints.forget(twinId);
    expect([...images.keys()]).toEqual([]);
    expect(snapshots).toEqual(['create tl-cgroups-hog', 'delete tl-cgroups-hog']);
    expect(await checkpoints.list(twinId)).toEqual([]);
  });

  it("forgetting one twin also removes the checkpoints of twins that are gone another way, not a live one's", async () => {
    const fake = fakeDocker();
    const label = (twin: string) => ({
      'io.twinlab.checkpoint.twin': twin,
      'io.twinlab.checkpoint.lesson': 'cgroups',
      'io.twinlab.checkpoint.step': 'hog',
    });
    fake.images.set('twinlab-checkpoint/gone:cgroups.hog.c', label('gone'));
    fake.images.set('twinlab-checkpoint/other:cgroups.hog.c', label('other'));
    const other = { ...guest('container', 'other-container'), twinId: 'other' };
    const { checkpoints, images } = service(
      [guest('container', 'tw-container'), other],
      () => Promise.resolve(),
      fake,
    );
    await checkpoints.forget(twinId);
    expect([...images.keys()]).toEqual(['twinlab-checkpoint/other:cgroups.hog.c']);
  });
});
