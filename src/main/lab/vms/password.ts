import { randomInt } from 'node:crypto';
import type { VmSide } from '@shared/template';

/** No 0/o, 1/l/i: a password read off a projector must not be ambiguous. */
export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password people can read aloud and type: three groups of four, e.g. `kq7m-x3vt-9hpa`
 * (31^12 ≈ 2^59 possibilities, from the OS's CSPRNG). Workshops show it on screen, so it guards a
 * VM against the network, not against the person sitting at it.
 */
export function readablePassword(groups = 3, size = 4): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: size }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  ).join('-');
}

/**
 * A template with cloud-init but no password gets a fresh one per VM, so a workshop can log in on
 * the serial console (the UI shows it) without every VM sharing a password from a file.
 */
export function withLoginPassword(vm: VmSide): VmSide {
  if (!vm.image || !vm.cloudInit || vm.cloudInit.password !== undefined) return vm;
  return { ...vm, cloudInit: { ...vm.cloudInit, password: readablePassword() } };
}
