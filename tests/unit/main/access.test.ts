import { describe, expect, it } from 'vitest';
import {
  checkApiAccess,
  checkSameOrigin,
  weakTokenReason,
  type RequestFacts,
} from '../../../src/main/browser-mode/access';
import { redact } from '../../../src/main/browser-mode/request-target';

const policy = { port: 4321, token: 's3cret' };
const facts = (overrides: Partial<RequestFacts>): RequestFacts => ({
  host: '127.0.0.1:4321',
  origin: undefined,
  protocols: undefined,
  ...overrides,
});

describe('browser-mode access check', () => {
  it('serves the page and assets without any secret, to its own Host and Origin only', () => {
    expect(checkSameOrigin(facts({}), policy)).toEqual({ ok: true });
    expect(checkSameOrigin(facts({ origin: 'http://localhost:4321' }), policy)).toEqual({ ok: true });
    expect(checkSameOrigin(facts({ host: 'evil.example:4321' }), policy)).toMatchObject({ status: 403 });
  });

  it('lets the API in with the token offered as a subprotocol', () => {
    expect(checkApiAccess(facts({ protocols: 'twinlab, twinlab.token.s3cret' }), policy)).toEqual({
      ok: true,
    });
  });

  it('refuses the API a missing or wrong token with 401', () => {
    for (const protocols of [undefined, 'twinlab', 'twinlab, twinlab.token.s3cre', 'twinlab, token.s3cret']) {
      expect(checkApiAccess(facts({ protocols }), policy)).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('refuses a foreign Host (DNS rebinding) with 403, whatever the token', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:4322', undefined]) {
      expect(checkApiAccess(facts({ host, protocols: 'twinlab.token.s3cret' }), policy)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    expect(
      checkApiAccess(facts({ host: 'LOCALHOST:4321', protocols: 'twinlab.token.s3cret' }), policy),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a foreign Origin with 403 and accepts its own or none', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321', 'null']) {
      expect(checkApiAccess(facts({ origin, protocols: 'twinlab.token.s3cret' }), policy)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
  });
});

describe('TWINLAB_TOKEN strength', () => {
  it('accepts 128 bits or more: 32 hex digits, 22 base64url characters', () => {
    expect(weakTokenReason('0123456789abcdef0123456789abcdef')).toBeUndefined();
    expect(weakTokenReason('AbCdEfGhIjKlMnOpQrStU_')).toBeUndefined();
  });

  it('refuses fewer bits, and characters a subprotocol cannot carry, with a sentence', () => {
    expect(weakTokenReason('0123456789abcdef0123456789abcde')).toMatch(/at least 128 bits/);
    expect(weakTokenReason('AbCdEfGhIjKlMnOpQrStU')).toMatch(/at least 128 bits/);
    expect(weakTokenReason('secret')).toMatch(/unset it/);
    expect(weakTokenReason('0123456789abcdef0123456789abcdef 1')).toMatch(/only letters, digits/);
  });
});

describe('log redaction', () => {
  it('hides a token parameter however its name is encoded', () => {
    expect(redact('/api?token=abc&x=1')).toBe('/api?token=%E2%80%A6&x=1');
    expect(redact('/?%74oken=abc')).not.toContain('abc');
    expect(redact('/?TOKEN=abc&token=def')).not.toMatch(/abc|def/);
    expect(redact('http://[/')).toBe('(unparsable target)');
  });
});
