import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/transport/dispatch';
import type { Router } from '../../../src/main/lab/router';
import { maxRequestBytes } from '../../../src/shared/wire';

const seen: unknown[] = [];
const router: Router = {
  async call(method, input) {
    seen.push({ method, input });
    return { ok: true, result: method };
  },
};

describe('dispatch', () => {
  it('refuses a request over the size limit before the router sees it', async () => {
    seen.length = 0;
    const reply = await dispatch(router, { method: 'app.info', input: {} }, maxRequestBytes + 1);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'too-large', params: { limit: maxRequestBytes } },
    });
    expect(seen).toEqual([]);
  });

  it('refuses a malformed envelope with bad-input', async () => {
    for (const call of [undefined, null, 'app.info', { input: {} }, { method: 42 }]) {
      expect(await dispatch(router, call, 10)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(seen).toEqual([]);
  });

  it('hands a well-formed call to the router', async () => {
    expect(await dispatch(router, { method: 'app.info', input: { a: 1 } }, 10)).toEqual({
      ok: true,
      result: 'app.info',
    });
    expect(seen).toEqual([{ method: 'app.info', input: { a: 1 } }]);
  });
});
