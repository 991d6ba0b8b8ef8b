import { stringify } from 'yaml';

/** Everything a NoCloud seed says about one VM; all values already validated by the template schema. */
export interface SeedSettings {
  /** New per VM, so cloud-init treats each VM as a first boot. */
  instanceId: string;
  hostname: string;
  user: string;
  /** Plain text on purpose: workshops show it in the UI. */
  password?: string;
  sshAuthorizedKeys: string[];
  autologin: boolean;
}

export const SERIAL_TTY = 'ttyS0';
/** The probe channel's port in the guest (see PROBE_SERIAL_ALIAS in the domain XML). */
export const PROBE_TTY = 'ttyS1';
const PROBE_UNIT = 'twinlab-probe.service';

/**
 * `#cloud-config` user-data. The user gets passwordless sudo rather than a group, because the admin
 * group is `sudo` on Debian/Ubuntu but `wheel` on Fedora and a missing group fails the user module.
 */
export function buildUserData(settings: SeedSettings): string {
  const user: Record<string, unknown> = {
    name: settings.user,
    gecos: 'Twinlab learner',
    shell: '/bin/bash',
    sudo: 'ALL=(ALL) NOPASSWD:ALL',
    lock_passwd: settings.password === undefined,
    ...(settings.password !== undefined && { plain_text_passwd: settings.password }),
    ...(settings.sshAuthorizedKeys.length > 0 && { ssh_authorized_keys: settings.sshAuthorizedKeys }),
  };
  const config: Record<string, unknown> = {
    hostname: settings.hostname,
    manage_etc_hosts: true,
    users: [user],
    ...(settings.password !== undefined && { ssh_pwauth: true, chpasswd: { expire: false } }),
  };
  const parts = [probeShell(), ...(settings.autologin ? [serialAutologin(settings.user)] : [])];
  config['write_files'] = parts.flatMap((part) => part.write_files);
  config['runcmd'] = parts.flatMap((part) => part.runcmd);
  return `#cloud-config\n${stringify(config, { lineWidth: 0 })}`;
}

/**
 * cloud-init has no autologin module, so a systemd drop-in makes agetty on the serial console log
 * the user in; runcmd restarts the getty that already prompted. Guests without systemd keep asking
 * for the password, which is why this is "where possible".
 */
interface SeedPart {
  write_files: Record<string, string>[];
  runcmd: string[][];
}

/**
 * Twinlab's probe channel: a root shell on the second serial port, started by systemd and started
 * again whenever it ends (a line garbled during boot ends it with a syntax error). The learner's
 * console never shows it; the host sends one framed command at a time. Guests without systemd get
 * no channel, and their probes are typed at an idle prompt as before.
 */
function probeShell(): SeedPart {
  const tty = `/dev/${PROBE_TTY}`;
  return {
    write_files: [
      {
        path: `/etc/systemd/system/${PROBE_UNIT}`,
        permissions: '0644',
        content: [
          '[Unit]',
          `Description=Twinlab probe shell on ${PROBE_TTY} (nobody types here)`,
          '[Service]',
          `ExecStart=/bin/sh -c 'stty -F ${tty} 115200 -echo; exec /bin/sh <${tty} >${tty} 2>&1'`,
          'Restart=always',
          'RestartSec=1',
          '[Install]',
          'WantedBy=multi-user.target',
          '',
        ].join('\n'),
      },
    ],
    runcmd: [['systemctl', 'enable', '--now', PROBE_UNIT]],
  };
}

function serialAutologin(user: string): SeedPart {
  const unit = `serial-getty@${SERIAL_TTY}.service`;
  return {
    write_files: [
      {
        path: `/etc/systemd/system/${unit}.d/twinlab-autologin.conf`,
        permissions: '0644',
        content: [
          '[Service]',
          'ExecStart=',
          `ExecStart=-/sbin/agetty --autologin ${user} --noclear --keep-baud 115200,57600,38400,9600 %I $TERM`,
          '',
        ].join('\n'),
      },
    ],
    runcmd: [
      ['systemctl', 'daemon-reload'],
      ['systemctl', 'restart', '--no-block', unit],
    ],
  };
}

export function buildMetaData(settings: Pick<SeedSettings, 'instanceId' | 'hostname'>): string {
  return stringify({ 'instance-id': settings.instanceId, 'local-hostname': settings.hostname });
}

/** A VM name made into a valid host name: lowercase, dashes, at most 63 characters. */
export function hostnameFrom(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned || 'twinlab';
}
