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

/** The probe channel's shell on the second serial port (see PROBE_SERIAL_ALIAS). */
const probeUnit = {
  path: '/etc/systemd/system/twinlab-probe.service',
  permissions: '0644',
  content: [
    '[Unit]',
    'Description=Twinlab probe shell on ttyS1 (nobody types here)',
    '[Service]',
    "ExecStart=/bin/sh -c 'stty -F /dev/ttyS1 115200 -echo; exec /bin/sh </dev/ttyS1 >/dev/ttyS1 2>&1'",
    'Restart=always',
    'RestartSec=1',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n'),
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
        probeUnit,
        {
          path: '/etc/systemd/system/serial-getty@ttyS0.service.d/twinlab-autologin.conf',
          permissions: '0644',
          content:
            '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin learner --noclear --keep-baud 115200,57600,38400,9600 %I $TERM\n',
        },
      ],
      runcmd: [
        ['systemctl', 'enable', '--now', 'twinlab-probe.service'],
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
        'write_files:',
        '  - path: /etc/systemd/system/twinlab-probe.service',
        '    permissions: "0644"',
        '    content: |',
        '      [Unit]',
        '      Description=Twinlab probe shell on ttyS1 (nobody types here)',
        '      [Service]',
        "      ExecStart=/bin/sh -c 'stty -F /dev/ttyS1 115200 -echo; exec /bin/sh </dev/ttyS1 >/dev/ttyS1 2>&1'",
        '      Restart=always',
        '      RestartSec=1',
        '      [Install]',
        '      WantedBy=multi-user.target',
        'runcmd:',
        '  - - systemctl',
        '    - enable',
        '    - --now',
        '    - twinlab-probe.service',
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
    // Without autologin only the probe shell is written: the serial getty keeps asking for a login.
    expect(config['write_files']).toEqual([probeUnit]);
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
