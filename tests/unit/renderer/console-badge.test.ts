import { describe, expect, it } from 'vitest';
import { consoleBadge } from '../../../src/renderer/src/terminal/console-badge';

describe('the console badge', () => {
  it('says Connected only while the session is open', () => {
    expect(consoleBadge('open', undefined)).toBe('open');
    expect(consoleBadge('connecting', undefined)).toBe('connecting');
    expect(consoleBadge('closed', { reason: 'closed' })).toBe('closed');
  });

  it('tells a stopped guest from a shell that ended and from other failures', () => {
    expect(
      consoleBadge('disconnected', { reason: 'lost', message: 'The container stopped or restarted.' }),
    ).toBe('guestStopped');
    expect(
      consoleBadge('disconnected', {
        reason: 'connect-failed',
        message: 'not running',
        key: 'console.notRunning',
      }),
    ).toBe('guestStopped');
    expect(consoleBadge('disconnected', { reason: 'exited', exitCode: 0 })).toBe('shellEnded');
    expect(consoleBadge('disconnected', { reason: 'connect-failed', message: 'socket gone' })).toBe(
      'disconnected',
    );
    expect(consoleBadge('disconnected', undefined)).toBe('disconnected');
  });
});
