import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mirrorOutcome } from '../../../src/main/lab/doctor/checks/mirrors';
import { mirrorMessages } from '../../../src/main/lab/images/mirror-messages';
import { MirrorSettings, parseEnv } from '../../../src/main/lab/images/mirror-settings';
import { dockerUsesMirror, mirroredImage, mirroredUrl } from '../../../src/main/lab/images/mirrors';
import type { MirrorStatus } from '../../../src/shared/mirrors';
import { flatten, rendererCatalog } from '../../support/catalogs';

describe('mirror addresses', () => {
  it('keeps an upstream URL under its host and path at the mirror', () => {
    const kernel =
      'https://cloud-images.ubuntu.com/releases/noble/release/unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic';
    expect(mirroredUrl('http://127.0.0.1:8787', kernel)).toBe(
      'http://127.0.0.1:8787/cloud-images.ubuntu.com/releases/noble/release/unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic',
    );
    expect(mirroredUrl('http://10.0.0.5/twinlab/', 'https://example.org/a/b.qcow2?x=1')).toBe(
      'http://10.0.0.5/twinlab/example.org/a/b.qcow2?x=1',
    );
  });

  it('pulls Docker Hub names from the registry mirror, and only those', () => {
    expect(mirroredImage('127.0.0.1:5000', 'debian:bookworm-slim')).toBe(
      '127.0.0.1:5000/library/debian:bookworm-slim',
    );
    expect(mirroredImage('127.0.0.1:5000', 'busybox')).toBe('127.0.0.1:5000/library/busybox:latest');
    expect(mirroredImage('m:5000', 'docker.io/grafana/grafana:11')).toBe('m:5000/grafana/grafana:11');
    expect(mirroredImage('m:5000', 'quay.io/fedora/fedora:42')).toBeUndefined();
  });

  it('knows when dockerd already pulls through the same registry', () => {
    expect(dockerUsesMirror(['http://127.0.0.1:5000/'], '127.0.0.1:5000')).toBe(true);
    expect(dockerUsesMirror(['http://127.0.0.1:5000/'], 'localhost:5000')).toBe(false);
    expect(dockerUsesMirror([], '127.0.0.1:5000')).toBe(false);
  });
});

describe('the mirror setting', () => {
  let root: string;
  const systemDir = () => join(root, 'xdg');
  const settings = (env: Record<string, string> = {}) =>
    new MirrorSettings(
      { XDG_CONFIG_DIRS: `${join(root, 'empty')}:${systemDir()}`, ...env },
      join(root, 'user'),
    );

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tl-mirror-settings-'));
    await mkdir(join(systemDir(), 'twinlab'), { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const writeSystem = (text: string) => writeFile(join(systemDir(), 'twinlab', 'mirrors.yaml'), text);

  it('is none when nothing is set', async () => {
    expect(await settings().active()).toEqual({ source: 'none', config: {} });
  });

  it('takes the user’s, then TWINLAB_MIRROR, then the machine’s file, first found wins', async () => {
    await writeSystem('http: http://127.0.0.1:8787\nregistry: 127.0.0.1:5000\n');
    const file = join(systemDir(), 'twinlab', 'mirrors.yaml');
    expect(await settings().active()).toEqual({
      source: 'system',
      file,
      config: { http: 'http://127.0.0.1:8787', registry: '127.0.0.1:5000' },
    });
    expect(await settings({ TWINLAB_MIRROR: 'http://10.0.0.5:8770' }).active()).toEqual({
      source: 'env',
      config: { http: 'http://10.0.0.5:8770' },
    });
    const mine = settings({ TWINLAB_MIRROR: 'http://10.0.0.5:8770' });
    await mine.save({ registry: '10.0.0.9:5000' });
    expect(await mine.active()).toMatchObject({ source: 'user', config: { registry: '10.0.0.9:5000' } });
    expect(await readFile(mine.userFile, 'utf8')).toContain('registry: 10.0.0.9:5000');
    await mine.clear();
    expect((await mine.active()).source).toBe('env');
    await mine.clear(); // clearing twice is fine
  });

  it('an empty user setting means no mirror for that user', async () => {
    await writeSystem('http: http://127.0.0.1:8787\n');
    const mine = settings();
    await mine.save({});
    expect(await mine.active()).toMatchObject({ source: 'user', config: {} });
  });

  it('refuses a bad file with a sentence naming the file and the field', async () => {
    const file = join(systemDir(), 'twinlab', 'mirrors.yaml');
    await writeSystem('http: ftp://10.0.0.5\n');
    await expect(settings().active()).rejects.toMatchObject({
      key: 'mirrors.error.invalidFile',
      message: expect.stringMatching(
        new RegExp(`^The mirror setting in ${file} is not valid: “http” must be an http`),
      ),
    });
    await writeSystem('registry: http://10.0.0.5:5000\n');
    await expect(settings().active()).rejects.toMatchObject({
      message: expect.stringContaining('“registry” must be host:port'),
    });
    await writeSystem('htpp: http://10.0.0.5\n');
    await expect(settings().active()).rejects.toMatchObject({
      message: expect.stringContaining('“htpp” is not a mirror field'),
    });
    await writeSystem('http: [unclosed\n');
    await expect(settings().active()).rejects.toMatchObject({
      message: expect.stringContaining('is not YAML'),
    });
  });

  it('reads TWINLAB_MIRROR as a URL or as the file’s fields in YAML flow style', () => {
    expect(parseEnv('{http: http://10.0.0.5:8787, registry: 10.0.0.5:5000}')).toEqual({
      http: 'http://10.0.0.5:8787',
      registry: '10.0.0.5:5000',
    });
    expect(() => parseEnv('10.0.0.5:8787')).toThrow(
      /TWINLAB_MIRROR is not valid: the setting must be a mapping/,
    );
  });
});

describe('the mirror check', () => {
  const base: MirrorStatus = {
    source: 'system',
    file: '/etc/xdg/twinlab/mirrors.yaml',
    dockerMirrors: [],
    probes: {},
  };

  it('is ok with no mirror, and warns when a mirror is silent or the setting is bad', () => {
    expect(mirrorOutcome({ ...base, source: 'none' })).toMatchObject({ status: 'ok', outcome: 'none' });
    expect(
      mirrorOutcome({
        ...base,
        http: 'http://127.0.0.1:8787',
        registry: '127.0.0.1:5000',
        probes: { http: { answers: true }, registry: { answers: false, detail: 'connect ECONNREFUSED' } },
      }),
    ).toMatchObject({
      status: 'warn',
      outcome: 'silent',
      params: {
        mirror: '127.0.0.1:5000',
        detail: 'connect ECONNREFUSED',
        origin: '/etc/xdg/twinlab/mirrors.yaml',
      },
    });
    expect(
      mirrorOutcome({
        ...base,
        source: 'env',
        http: 'http://m:1',
        file: undefined,
        probes: { http: { answers: true } },
      }),
    ).toMatchObject({
      status: 'ok',
      outcome: 'answers',
      params: { mirrors: 'http://m:1', origin: 'TWINLAB_MIRROR' },
    });
    const problem = {
      code: 'bad-input' as const,
      key: 'mirrors.error.invalidFile',
      message: 'bad',
      params: { file: 'f' },
    };
    expect(mirrorOutcome({ ...base, problem })).toMatchObject({
      status: 'warn',
      outcome: 'invalidFile',
      params: { file: 'f' },
    });
  });
});

describe('mirror messages', () => {
  it('are in all three catalogs, the English equal to what main sends', () => {
    const english = flatten(rendererCatalog('en'));
    for (const [key, text] of Object.entries(mirrorMessages)) expect(english.get(key), key).toBe(text);
    for (const locale of ['zh-CN', 'ko'] as const) {
      const catalog = flatten(rendererCatalog(locale));
      for (const key of Object.keys(mirrorMessages)) expect(catalog.has(key), `${locale}: ${key}`).toBe(true);
    }
  });
});
