import { describe, expect, it } from 'vitest';
import { checkAccess, type RequestFacts } from '../../../src/main/browser-mode/access';

const policy = { port: 4321, token: 's3cret' };
const facts = (overrides: Partial<RequestFacts>): RequestFacts => ({
  host: '127.0.0.1:4321',
  origin: undefined,
  url: '/',
  cookie: undefined,
  ...overrides,
});

describe('browser-mode access check', () => {
  it('lets the token in by URL and hands out the per-port cookie', () => {
    expect(checkAccess(facts({ url: '/?token=s3cret' }), policy)).toEqual({
      ok: true,
      setCookie: 'twinlab_token_4321=s3cret; HttpOnly; SameSite=Strict; Path=/',
    });
  });

  it('lets the cookie in without setting it again', () => {
    expect(checkAccess(facts({ cookie: 'a=b; twinlab_token_4321=s3cret' }), policy)).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token with 401; a wrong URL token is not rescued by a good cookie', () => {
    expect(checkAccess(facts({}), policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess(facts({ url: '/?token=s3cre' }), policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess(facts({ cookie: 'twinlab_token_9999=s3cret' }), policy)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      checkAccess(facts({ url: '/?token=bad', cookie: 'twinlab_token_4321=s3cret' }), policy),
    ).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses any Host but 127.0.0.1 or localhost on this port with 403', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:80', '0.0.0.0:4321', '[::1]:4321', undefined]) {
      expect(checkAccess(facts({ host, url: '/?token=s3cret' }), policy)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    expect(checkAccess(facts({ host: 'LOCALHOST:4321', url: '/?token=s3cret' }), policy)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a foreign Origin with 403 and accepts its own or none', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321', 'null']) {
      expect(checkAccess(facts({ origin, url: '/?token=s3cret' }), policy)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    expect(
      checkAccess(facts({ origin: 'http://localhost:4321', url: '/?token=s3cret' }), policy),
    ).toMatchObject({ ok: true });
  });
});
