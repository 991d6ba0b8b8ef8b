import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import {
  isTwinlabImage,
  isTwinlabManaged,
  labelChanges,
  twinlabImageLabels,
  twinlabLabels,
} from '../../../src/main/lab/engines/docker/labels';
import { assertTwinlabManaged } from '../../../src/main/lab/engines/docker/managed-guard';

describe('labels', () => {
  it('marks what Twinlab creates', () => {
    expect(twinlabLabels({ templateId: 'fixture-busybox', createdAt: '2025-01-01T00:00:00.000Z' })).toEqual({
      'io.twinlab.managed': 'true',
      'io.twinlab.template': 'fixture-busybox',
      'io.twinlab.created': '2025-01-01T00:00:00.000Z',
    });
    expect(twinlabLabels({ templateId: 't', twinId: 'tw', createdAt: 'now' })).toHaveProperty(
      ['io.twinlab.twin'],
      'tw',
    );
  });

  it('keeps image labels apart from container labels, which containers inherit from their image', () => {
    const image = twinlabImageLabels({ templateId: 't', createdAt: 'now' });
    expect(isTwinlabImage(image)).toBe(true);
    expect(isTwinlabManaged(image)).toBe(false);
  });

  it('writes LABEL instructions for docker import --change', () => {
    expect(
      labelChanges({ 'io.twinlab.image.managed': 'true', 'io.twinlab.image.template': 'a "b"' }),
    ).toEqual(['LABEL io.twinlab.image.managed="true"', 'LABEL io.twinlab.image.template="a \\"b\\""']);
  });
});

describe('assertTwinlabManaged', () => {
  it('lets Twinlab’s containers and images through', () => {
    expect(() => assertTwinlabManaged('container', 'demo', { 'io.twinlab.managed': 'true' })).not.toThrow();
    expect(() =>
      assertTwinlabManaged('image', 'demo:1', { 'io.twinlab.image.managed': 'true' }),
    ).not.toThrow();
  });

  it.each([
    ['no labels', null],
    ['empty labels', {}],
    ['another project’s labels', { 'com.docker.compose.project': 'shop' }],
    ['a wrong value', { 'io.twinlab.managed': 'yes' }],
    ['only the template label', { 'io.twinlab.template': 'fixture-busybox' }],
    ['a Twinlab image’s labels, inherited', { 'io.twinlab.image.managed': 'true' }],
  ])('refuses a container with %s as forbidden', (_case, labels) => {
    let thrown: unknown;
    try {
      assertTwinlabManaged('container', 'users-db', labels);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({
      code: 'forbidden',
      key: 'containers.guard.notManaged',
      params: { name: 'users-db' },
      message:
        'The container “users-db” was not created by Twinlab, so Twinlab will not change or remove it. Manage it with the docker command instead.',
    });
  });

  it('refuses an image without Twinlab’s image label', () => {
    expect(() => assertTwinlabManaged('image', 'postgres:16', { 'io.twinlab.managed': 'true' })).toThrow(
      expect.objectContaining({ code: 'forbidden', key: 'containers.guard.imageNotManaged' }),
    );
  });
});
