import { describe, expect, it } from 'vitest';
import { vmSideSchema } from '@shared/template';
import { PASSWORD_ALPHABET, readablePassword } from '../../../src/main/lab/vms/password';
import { withLoginPassword } from '../../../src/main/lab/vms/password';

const image = { url: 'https://example.org/x.qcow2', sha256: 'a'.repeat(64) };

describe('generated cloud-init passwords', () => {
  it('are three groups of four unambiguous characters, different every time', () => {
    const passwords = Array.from({ length: 200 }, () => readablePassword());
    for (const password of passwords) expect(password).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){2}$/);
    expect(new Set(passwords).size).toBe(200);
    expect(PASSWORD_ALPHABET).not.toMatch(/[01ilo]/);
    // Every character of the alphabet turns up: the choice is not skewed to a part of it.
    expect(new Set(passwords.join('').replaceAll('-', '')).size).toBe(PASSWORD_ALPHABET.length);
  });

  it('are given only to a VM with cloud-init and no password of its own', () => {
    const generated = withLoginPassword(vmSideSchema.parse({ memoryMiB: 512, image, cloudInit: {} }));
    expect(generated.cloudInit?.password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(generated.cloudInit?.user).toBe('learner');
    const fixed = vmSideSchema.parse({ memoryMiB: 512, image, cloudInit: { password: 'gocubsgo' } });
    expect(withLoginPassword(fixed)).toBe(fixed);
    const bare = vmSideSchema.parse({ memoryMiB: 512, image });
    expect(withLoginPassword(bare)).toBe(bare);
  });
});
