import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRequestPath, appSchemePrivileges, serveAppFiles } from '../../../src/main/shell/app-scheme';

describe('app:// request paths', () => {
  it("keeps the path of a request on the app's host, still encoded", () => {
    expect(appRequestPath('app://twinlab/index.html')).toBe('/index.html');
    expect(appRequestPath('app://twinlab/')).toBe('/');
    expect(appRequestPath('app://twinlab/assets/a%20b.js?x=1#y')).toBe('/assets/a%20b.js');
    // The URL parser drops dot segments, literal or %2e-encoded, before anything else sees them.
    expect(appRequestPath('app://twinlab/../../etc/passwd')).toBe('/etc/passwd');
    expect(appRequestPath('app://twinlab/%2e%2e/%2E%2E/etc/passwd')).toBe('/etc/passwd');
    // An encoded slash is not a separator here: readStaticFile decodes and confines it.
    expect(appRequestPath('app://twinlab/..%2f..%2fetc%2fpasswd')).toBe('/..%2f..%2fetc%2fpasswd');
  });

  it('refuses any other host or scheme', () => {
    for (const url of [
      'app://evil/index.html',
      'app://twinlab.evil/index.html',
      'app://twinlab@evil/index.html',
      'file:///etc/passwd',
      'https://twinlab/index.html',
      'not a url',
    ]) {
      expect(appRequestPath(url), url).toBeUndefined();
    }
  });

  it('is registered as a standard, secure scheme', () => {
    expect(appSchemePrivileges).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
  });
});

describe('the app:// handler', () => {
  let base: string;
  let serve: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'twinlab-app-scheme-'));
    const root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(
      join(root, 'index.html'),
      '<!doctype html><meta name="twinlab-host-locale" content="" /><title>Twinlab</title>',
    );
    await writeFile(join(root, 'assets', 'index.js'), 'export {};');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await mkdir(join(base, 'renderer-evil'));
    await writeFile(join(base, 'renderer-evil', 'x.js'), 'evil');
    serve = serveAppFiles(root, 'zh-CN');
  });
  const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

  it('serves index.html and built assets with their type and the security headers', async () => {
    for (const url of ['app://twinlab/index.html', 'app://twinlab/']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const page = await response.text();
      expect(page).toContain('<title>Twinlab</title>');
      expect(page).toContain('<meta name="twinlab-host-locale" content="zh-CN" />');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const asset = await get('app://twinlab/assets/index.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe('export {};');
    const head = await get('app://twinlab/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    for (const url of [
      'app://twinlab/../secret.txt',
      'app://twinlab/%2e%2e/secret.txt',
      'app://twinlab/..%2fsecret.txt',
      'app://twinlab/%2e%2e%2fsecret.txt',
      'app://twinlab/assets/..%2f..%2fsecret.txt',
      'app://twinlab/..%2frenderer-evil%2fx.js',
      'app://twinlab/%2e%2e%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      'app://twinlab/index.html%00.js',
      'app://twinlab/%',
      'app://twinlab/assets',
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found.\n');
    }
  });

  it('answers only GET and HEAD', async () => {
    const response = await get('app://twinlab/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
