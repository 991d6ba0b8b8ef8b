import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildMetaData,
  buildUserData,
  hostnameFrom,
  type SeedSettings,
} from '../../../src/main/lab/vms/cloud-init';

const workshop: SeedSettings = {
  instanceId: 'twinlab-2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b',
  hostname: 'debian-vm',
  user: 'learner',
  password: 'tw1nlab: "quoted" # not a comment',
  sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJx learner@laptop'],
  autologin: true,
};

describe('cloud-init user-data', () => {
  it('starts with the #cloud-config header and parses back to the intended config', () => {
    const text = buildUserData(workshop);
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(parse(text)).toEqual({
      hostname: 'debian-vm',
      manage_etc_hosts: true,
      users: [
        {
          name: 'learner',
          gecos: 'Twinlab learner',
          shell: '/bin/bash',
          sudo: 'ALL=(ALL) NOPASSWD:ALL',
          lock_passwd: false,
          plain_text_passwd: 'tw1nlab: "quoted" # not a comment',
          ssh_authorized_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJx learner@laptop'],
        },
      ],
      ssh_pwauth: true,
      chpasswd: { expire: false },
      write_files: [
        {
          path: '/etc/systemd/system/serial-getty@ttyS0.service.d/twinlab-autologin.conf',
          permissions: '0644',
          content:
            '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin learner --noclear --keep-baud 115200,57600,38400,9600 %I $TERM\n',
        },
      ],
      runcmd: [
        ['systemctl', 'daemon-reload'],
        ['systemctl', 'restart', '--no-block', 'serial-getty@ttyS0.service'],
      ],
    });
  });

  it('matches the exact text (what the seed ISO holds)', () => {
    expect(buildUserData({ ...workshop, password: 'learner', sshAuthorizedKeys: [], autologin: false })).toBe(
      [
        '#cloud-config',
        'hostname: debian-vm',
        'manage_etc_hosts: true',
        'users:',
        '  - name: learner',
        '    gecos: Twinlab learner',
        '    shell: /bin/bash',
        '    sudo: ALL=(ALL) NOPASSWD:ALL',
        '    lock_passwd: false',
        '    plain_text_passwd: learner',
        'ssh_pwauth: true',
        'chpasswd:',
        '  expire: false',
        '',
      ].join('\n'),
    );
  });

  it('locks the password and skips password SSH when no password is set', () => {
    const config = parse(buildUserData({ ...workshop, password: undefined, autologin: false })) as Record<
      string,
      unknown
    >;
    expect(config['users']).toEqual([expect.objectContaining({ lock_passwd: true })]);
    expect(JSON.stringify(config)).not.toContain('plain_text_passwd');
    expect(config).not.toHaveProperty('ssh_pwauth');
    expect(config).not.toHaveProperty('chpasswd');
    expect(config).not.toHaveProperty('write_files');
  });

  it('meta-data carries the instance id and host name', () => {
    expect(buildMetaData(workshop)).toBe(
      'instance-id: twinlab-2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b\nlocal-hostname: debian-vm\n',
    );
  });

  it('makes host names from VM names', () => {
    expect(hostnameFrom('My_VM.2')).toBe('my-vm-2');
    expect(hostnameFrom('---')).toBe('twinlab');
    expect(hostnameFrom('a'.repeat(70))).toHaveLength(63);
  });
});
