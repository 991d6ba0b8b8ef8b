import { describe, expect, it } from 'vitest';
import { templateSchema, vmSideSchema } from '@shared/template';

const sha = 'AB'.repeat(32);

describe('vm side of a template', () => {
  it('keeps direct kernel boot, with the Twinlab marker as the default ready pattern', () => {
    const vm = vmSideSchema.parse({ memoryMiB: 256, boot: { kernel: '/k' } });
    expect(vm).toEqual({
      vcpus: 1,
      memoryMiB: 256,
      boot: { kernel: '/k', cmdline: 'console=ttyS0' },
      portForwards: [],
      readyPattern: 'TWINLAB-READY',
    });
  });

  it('accepts a cloud image with cloud-init and forwards; "login:" is its default ready pattern', () => {
    const vm = vmSideSchema.parse({
      memoryMiB: 1024,
      image: {
        url: 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2',
        sha256: sha,
      },
      diskGiB: 20,
      cloudInit: { password: 'learner', sshAuthorizedKeys: ['ssh-ed25519 AAAA x'] },
      portForwards: [{ guest: 22, host: 2222 }],
    });
    expect(vm.image).toEqual({
      url: expect.stringContaining('debian-12'),
      sha256: sha.toLowerCase(),
      format: 'qcow2',
    });
    expect(vm.cloudInit).toEqual({
      user: 'learner',
      password: 'learner',
      sshAuthorizedKeys: ['ssh-ed25519 AAAA x'],
      autologin: true,
    });
    expect(vm.portForwards).toEqual([{ guest: 22, host: 2222, protocol: 'tcp' }]);
    expect(vm.readyPattern).toBe('login:');
  });

  it('takes the checksum exactly one way: sha256 or the URL of a checksum file', () => {
    const issues = (imageInput: unknown) =>
      vmSideSchema
        .safeParse({ memoryMiB: 512, image: imageInput })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    const url = 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2';
    const checksums = 'https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS';
    expect(vmSideSchema.parse({ memoryMiB: 512, image: { url, checksums } }).image).toEqual({
      url,
      checksums,
      format: 'qcow2',
    });
    expect(issues({ url, checksums, sha256: sha })).toEqual([
      'image.checksums: an image needs exactly one of sha256 (the checksum) and checksums (the URL of a checksum file)',
    ]);
    expect(issues({ url })?.[0]).toMatch(/^image\.sha256: an image needs exactly one of/);
    expect(issues({ url, checksums: 'ftp://x.org/SUMS' })?.[0]).toMatch(/^image\.checksums:/);
    // An imported image: no url, found in the cache by its sha256.
    expect(vmSideSchema.safeParse({ memoryMiB: 512, image: { sha256: sha } }).success).toBe(true);
    expect(issues({ checksums })).toContain(
      'image.url: an image without a url must give its sha256 (it is found in the image cache by checksum)',
    );
  });

  it('keeps an explicit ready pattern', () => {
    expect(
      vmSideSchema.parse({ memoryMiB: 64, boot: { kernel: '/k' }, readyPattern: '/ #' }).readyPattern,
    ).toBe('/ #');
  });

  it('needs exactly one of boot and image', () => {
    const neither = vmSideSchema.safeParse({ memoryMiB: 256 });
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.path).toEqual(['boot']);
    const both = vmSideSchema.safeParse({
      memoryMiB: 256,
      boot: { kernel: '/k' },
      image: { url: 'https://x.org/a.img', sha256: sha },
    });
    expect(both.error?.issues[0]?.path).toEqual(['image']);
  });

  it('refuses image-only settings on a kernel VM, bad checksums, URLs and ports', () => {
    const issues = (input: unknown) =>
      vmSideSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ memoryMiB: 256, boot: { kernel: '/k' }, diskGiB: 5, cloudInit: {} })).toEqual([
      'diskGiB',
      'cloudInit',
    ]);
    expect(issues({ memoryMiB: 256, image: { url: 'https://x.org/a', sha256: 'abc' } })).toEqual([
      'image.sha256',
    ]);
    expect(issues({ memoryMiB: 256, image: { url: 'file:///etc/passwd', sha256: sha } })).toEqual([
      'image.url',
    ]);
    expect(
      issues({ memoryMiB: 256, boot: { kernel: '/k' }, portForwards: [{ guest: 22, host: 70000 }] }),
    ).toEqual(['portForwards.0.host']);
    expect(
      issues({
        memoryMiB: 256,
        image: { url: 'https://x.org/a', sha256: sha },
        cloudInit: { user: 'Root!' },
      }),
    ).toEqual(['cloudInit.user']);
  });

  it('still reports field errors with their path inside a whole template', () => {
    const result = templateSchema.safeParse({
      id: 'x',
      name: 'X',
      vm: { memoryMiB: 16, boot: { kernel: '/k' } },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['vm.memoryMiB']);
  });
});
