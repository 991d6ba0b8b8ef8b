import { describe, expect, it } from 'vitest';
import { api } from '../../../src/shared/api';
import { ApiError } from '../../../src/shared/errors';
import { createRouter, type Handlers } from '../../../src/main/lab/router';
import { createLogger } from '../../../src/main/lab/log';

const report = { checkedAt: 'now', durationMs: 1, accelerator: 'tcg' as const, checks: [] };
const calls: unknown[] = [];
// Methods this test does not call; the router needs a handler for each.
const unused = Object.fromEntries(
  Object.keys(api).map((method) => [method, () => Promise.reject(new Error(`${method} is not used here`))]),
) as unknown as Handlers;
const handlers: Handlers = {
  ...unused,
  'app.info': async () => ({ version: '1', mode: 'browser', hostLocale: 'en', platform: 'linux-x64' }),
  'engines.status': async () => {
    throw new Error('socket exploded');
  },
  'host.check': async (input) => {
    calls.push(input);
    return report;
  },
  'templates.list': async () => {
    throw new ApiError('not-found', 'error.notFound', 'gone');
  },
};
const router = createRouter(handlers, createLogger('test', 'error'));

describe('router', () => {
  it('runs a known method with parsed input, defaults applied', async () => {
    expect(await router.call('host.check', {})).toEqual({ ok: true, result: report });
    expect(calls.at(-1)).toEqual({ refresh: false });
  });

  it('treats a missing input as an empty object', async () => {
    expect(await router.call('app.info', undefined)).toMatchObject({ ok: true });
  });

  it('answers an unknown method with unknown-method, without running anything', async () => {
    const reply = await router.call('__proto__', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method', key: 'error.unknownMethod' } });
    expect(await router.call('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('answers input that fails the schema with bad-input naming the field', async () => {
    const reply = await router.call('host.check', { refresh: 'yes' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad-input', params: { method: 'host.check' } },
    });
    if (reply.ok) throw new Error('expected a failure');
    expect(reply.error.params?.['detail']).toContain('refresh');
    expect(await router.call('app.info', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });

  it('passes an ApiError through and wraps any other throw as internal', async () => {
    expect(await router.call('templates.list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    expect(await router.call('engines.status', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', key: 'error.internal', message: 'socket exploded' },
    });
  });
});
