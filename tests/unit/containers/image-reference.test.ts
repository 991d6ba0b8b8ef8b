import { describe, expect, it } from 'vitest';
import {
  isValidImageReference,
  parseImageReference,
  registryAddress,
} from '../../../src/shared/image-reference';
import { splitRepoTag } from '../../../src/main/lab/engines/docker/image-import';

describe('parseImageReference', () => {
  it.each([
    ['busybox', { domain: 'docker.io', path: 'library/busybox' }],
    ['busybox:1.36', { domain: 'docker.io', path: 'library/busybox', tag: '1.36' }],
    ['twinlab-fixture/busybox:1', { domain: 'docker.io', path: 'twinlab-fixture/busybox', tag: '1' }],
    ['localhost:5000/lab/img:v1', { domain: 'localhost:5000', path: 'lab/img', tag: 'v1' }],
    ['ghcr.io/owner/repo', { domain: 'ghcr.io', path: 'owner/repo' }],
    ['[::1]:5000/img', { domain: '[::1]:5000', path: 'img' }],
    [
      `img@sha256:${'a'.repeat(64)}`,
      { domain: 'docker.io', path: 'library/img', digest: `sha256:${'a'.repeat(64)}` },
    ],
    ['a__b/c-d.e', { domain: 'docker.io', path: 'a__b/c-d.e' }],
  ])('%s', (reference, parsed) => {
    expect(parseImageReference(reference)).toEqual(parsed);
  });

  it.each([
    '',
    'Busybox',
    'busybox:',
    'a//b',
    'busy box',
    '-lead',
    'x:tag with space',
    'img@sha256:xyz',
    'a/B',
  ])('refuses %j', (reference) => {
    expect(parseImageReference(reference)).toBeUndefined();
  });

  it('accepts image IDs for create', () => {
    expect(isValidImageReference('c0962d405888')).toBe(true);
    expect(isValidImageReference(`sha256:${'c'.repeat(64)}`)).toBe(true);
  });
});

describe('registryAddress', () => {
  it.each([
    ['busybox', { host: 'registry-1.docker.io', port: 443 }],
    ['localhost:5000/x', { host: 'localhost', port: 5000 }],
    ['ghcr.io/o/r:1', { host: 'ghcr.io', port: 443 }],
    ['[::1]:5000/img', { host: '::1', port: 5000 }],
  ])('%s → %o', (reference, address) => {
    const parsed = parseImageReference(reference);
    expect(parsed && registryAddress(parsed)).toEqual(address);
  });
});

describe('splitRepoTag', () => {
  it.each([
    ['demo:1', { repo: 'demo', tag: '1' }],
    ['demo', { repo: 'demo', tag: 'latest' }],
    ['localhost:5000/demo', { repo: 'localhost:5000/demo', tag: 'latest' }],
    ['localhost:5000/demo:2', { repo: 'localhost:5000/demo', tag: '2' }],
  ])('%s', (repoTag, split) => {
    expect(splitRepoTag(repoTag)).toEqual(split);
  });
});
