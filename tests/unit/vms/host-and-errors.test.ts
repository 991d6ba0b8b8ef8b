import { flatten, rendererCatalog } from '../../support/catalogs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/errors';
import { vmError, vmErrorCatalog, vmErrorsEnglish } from '../../../src/main/lab/vms/errors';
import { firstBlockedFolder, parseMemAvailable } from '../../../src/main/lab/vms/host-capacity';
import { parseDacLabel } from '../../../src/main/lab/engines/libvirt/virsh-queries';
import { translateLibvirtError } from '../../../src/main/lab/engines/libvirt/libvirt-errors';

describe('host capacity', () => {
  it('reads MemAvailable', () => {
    expect(
      parseMemAvailable('MemTotal:       24683656 kB\nMemFree: 1 kB\nMemAvailable:   24058080 kB\n'),
    ).toBe(24058080 * 1024);
    expect(() => parseMemAvailable('MemTotal: 1 kB\n')).toThrow();
  });

  it('reads the QEMU user from the DAC base label', () => {
    const caps = `<secmodel><model>none</model><doi>0</doi></secmodel>
    <secmodel><model>dac</model><doi>0</doi><baselabel type='kvm'>+64055:+64055</baselabel><baselabel type='qemu'>+64055:+64055</baselabel></secmodel>`;
    expect(parseDacLabel(caps)).toEqual({ uid: 64055, gid: 64055 });
    expect(parseDacLabel('<secmodel><model>none</model></secmodel>')).toBeUndefined();
  });

  it('finds the first folder QEMU may not enter', () => {
    const qemu = { uid: 64055, gid: 64055 };
    const rootOwned = (path: string, mode: number) => ({ path, uid: 0, gid: 0, mode: 0o040000 | mode });
    expect(
      firstBlockedFolder(
        [rootOwned('/', 0o755), rootOwned('/root', 0o700), rootOwned('/root/.local', 0o755)],
        qemu,
      ),
    ).toBe('/root');
    expect(
      firstBlockedFolder(
        [rootOwned('/', 0o755), rootOwned('/var', 0o755), rootOwned('/var/tmp/x', 0o711)],
        qemu,
      ),
    ).toBeUndefined();
    expect(firstBlockedFolder([{ path: '/home/q', uid: 64055, gid: 1, mode: 0o700 }], qemu)).toBeUndefined();
    expect(firstBlockedFolder([{ path: '/srv/g', uid: 1, gid: 64055, mode: 0o750 }], qemu)).toBeUndefined();
    expect(firstBlockedFolder([rootOwned('/root', 0o700)], { uid: 0, gid: 0 })).toBeUndefined();
  });
});

describe('libvirt errors', () => {
  it('turns libvirt messages into sentences with a next step', () => {
    const cases: [string, string][] = [
      ["Domain not found: no domain with matching name 'x'", 'vms.error.notFound'],
      ['Requested operation is not valid: domain is not running', 'vms.error.invalidState'],
      [
        "internal error: process exited while connecting to monitor: Could not set up host forwarding rule 'tcp:127.0.0.1:2222-:22'",
        'vms.error.portInUse',
      ],
      ['Cannot recv data: Connection reset by peer', 'vms.error.libvirtUnavailable'],
      ['something else entirely', 'vms.error.libvirtFailed'],
    ];
    for (const [message, key] of cases) expect(translateLibvirtError(new Error(message), 'x').key).toBe(key);
    expect(
      translateLibvirtError(new Error("Could not set up host forwarding rule 'tcp:127.0.0.1:2222-:22'"), 'x')
        .params,
    ).toEqual({ port: '2222' });
  });

  it('passes ApiErrors through', () => {
    const original = vmError('busy', { name: 'x' });
    expect(translateLibvirtError(original, 'y')).toBe(original);
  });
});

describe('error catalog', () => {
  const english = vmErrorsEnglish();

  it('the English catalog the app ships has the texts the service uses', () => {
    const shipped = Object.fromEntries(
      [...flatten(rendererCatalog('en'))].filter(([key]) => key.startsWith('vms.error.')),
    );
    expect(shipped).toEqual(english);
  });

  it('builds ApiErrors whose message is the interpolated English text', () => {
    const error = vmError('notManaged', { name: 'their-vm' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.toData()).toEqual({
      code: 'forbidden',
      key: 'vms.error.notManaged',
      message:
        'Twinlab did not create the VM "their-vm", so it only shows it and never changes it. Use virt-manager or virsh to manage it.',
      params: { name: 'their-vm' },
    });
    expect(vmError('downloadCancelled').params).toBeUndefined();
  });

  it('every text uses i18next placeholders only, and keys never nest under each other', () => {
    for (const [name, entry] of Object.entries(vmErrorCatalog)) {
      expect(entry.text, name).not.toMatch(/\{(?!\{)\w+\}(?!\})/);
      expect(entry.text.trim().endsWith('.') || entry.text.endsWith('}}'), name).toBe(true);
    }
    const keys = Object.keys(english);
    for (const key of keys) expect(keys.some((other) => other.startsWith(`${key}.`))).toBe(false);
  });
});
