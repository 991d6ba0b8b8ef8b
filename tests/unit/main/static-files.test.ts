import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readRendererFile,
  readStaticFile,
  withHostLocale,
} from '../../../src/main/browser-mode/static-files';

describe('static files', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'twinlab-static-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<html><meta name="twinlab-host-locale" content="" />');
    await writeFile(join(root, 'assets', 'app.js'), 'js');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await mkdir(join(base, 'renderer-evil'));
    await writeFile(join(base, 'renderer-evil', 'x.js'), 'evil');
  });

  it('serves index.html for / and assets with their type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/app.js'))?.body.toString()).toBe('js');
  });

  it('never leaves the root folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/../renderer-evil/x.js',
      '/%',
    ]) {
      expect(await readStaticFile(root, path)).toBeUndefined();
    }
  });

  it("fills the renderer page's host-language tag, and leaves other files alone", async () => {
    const page = { body: await readFile('src/renderer/index.html'), contentType: 'text/html; charset=utf-8' };
    const filled = withHostLocale(page, 'ko').body.toString();
    expect(filled).toContain('<meta name="twinlab-host-locale" content="ko" />');
    expect(filled).not.toContain('content=""');
    const script = {
      body: Buffer.from('const a = \'<meta name="twinlab-host-locale" content="" />\';'),
      contentType: 'text/javascript; charset=utf-8',
    };
    expect(withHostLocale(script, 'ko')).toBe(script);
  });

  it('reads a renderer file for the host: the page with its language, assets as they are', async () => {
    expect((await readRendererFile(root, '/', 'zh-CN'))?.body.toString()).toBe(
      '<html><meta name="twinlab-host-locale" content="zh-CN" />',
    );
    expect((await readRendererFile(root, '/assets/app.js', 'zh-CN'))?.body.toString()).toBe('js');
    expect(await readRendererFile(root, '/../secret.txt', 'zh-CN')).toBeUndefined();
  });
});
