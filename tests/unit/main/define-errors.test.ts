import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/errors';
import { defineErrors, interpolate } from '../../../src/main/lab/errors';

const demo = defineErrors('demo.error', {
  gone: { code: 'not-found', text: 'There is no box "{{id}}" any more. Refresh the list.' },
  full: { code: 'conflict', text: 'Only {{free}} of {{needed}} MiB are free in {{dir}}. Free some space.' },
  cancelled: { code: 'conflict', text: 'Cancelled. Start again when you are ready.' },
});

describe('defineErrors', () => {
  it('builds an ApiError with the catalog code, the prefixed key, the filled sentence and its parameters', () => {
    const error = demo.error('full', { free: 10, needed: 512, dir: '/var/lib/x' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('conflict');
    expect(error.key).toBe('demo.error.full');
    expect(error.message).toBe('Only 10 of 512 MiB are free in /var/lib/x. Free some space.');
    expect(error.params).toEqual({ free: 10, needed: 512, dir: '/var/lib/x' });
  });

  it('gives a sentence without placeholders no parameters at all', () => {
    const error = demo.error('cancelled');
    expect(error.message).toBe('Cancelled. Start again when you are ready.');
    expect(error.params).toBeUndefined();
    expect(error.toData()).toEqual({
      code: 'conflict',
      key: 'demo.error.cancelled',
      message: 'Cancelled. Start again when you are ready.',
    });
  });

  it('copies the parameters, so a caller changing its object later changes nothing', () => {
    const params = { id: 'a' };
    const error = demo.error('gone', params);
    params.id = 'b';
    expect(error.params).toEqual({ id: 'a' });
    expect(error.message).toContain('"a"');
  });

  it('takes another code or a cause when asked', () => {
    const cause = new Error('exit 1');
    const error = demo.errorWith({ code: 'internal', cause }, 'gone', { id: 'x' });
    expect(error.code).toBe('internal');
    expect(error.key).toBe('demo.error.gone');
    expect(error.cause).toBe(cause);
    expect(demo.error('gone', { id: 'x' }).cause).toBeUndefined();
  });

  it('gives the key and sentence without an error for results that carry one', () => {
    expect(demo.message('gone', { id: 'x' })).toEqual({
      key: 'demo.error.gone',
      message: 'There is no box "x" any more. Refresh the list.',
    });
  });

  it('lists the English catalog under its i18n keys', () => {
    expect(demo.english()).toEqual({
      'demo.error.gone': 'There is no box "{{id}}" any more. Refresh the list.',
      'demo.error.full': 'Only {{free}} of {{needed}} MiB are free in {{dir}}. Free some space.',
      'demo.error.cancelled': 'Cancelled. Start again when you are ready.',
    });
    expect(demo.key('gone')).toBe('demo.error.gone');
  });

  it('checks the parameters against the sentence at compile time', () => {
    // @ts-expect-error a sentence with placeholders needs its parameters
    expect(() => demo.error('gone')).not.toThrow();
    // @ts-expect-error a parameter the sentence does not have is refused
    demo.error('gone', { id: 'x', size: 1 });
    // @ts-expect-error a missing parameter is refused
    demo.error('full', { free: 1, needed: 2 });
    // @ts-expect-error a sentence without placeholders takes none
    demo.error('cancelled', { id: 'x' });
    // @ts-expect-error an unknown name is refused
    expect(() => demo.error('nothing')).toThrow('demo.error has no error "nothing"');
  });
});

describe('interpolate', () => {
  it('fills every placeholder it has a value for and leaves the others visible', () => {
    expect(interpolate('{{a}} and {{b}} and {{a}}', { a: 1 })).toBe('1 and {{b}} and 1');
  });

  it('does not take a value from the prototype chain', () => {
    expect(interpolate('{{toString}}', {})).toBe('{{toString}}');
  });
});
