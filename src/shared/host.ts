/**
 * The Host page's report. Each check carries i18n keys and parameters, never sentences, so the
 * renderer can show it in the learner's language; fix commands are shell text and stay as they are.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'info';

export type CheckGroup =
  | 'virtualization'
  | 'libvirt'
  | 'docker'
  | 'systemContainers'
  | 'tools'
  | 'storage'
  | 'downloads'
  | 'permissions';

export type Distro = 'debian' | 'fedora' | 'arch';

export interface HostFix {
  /** i18n key of one sentence saying what the commands do. */
  key: string;
  params?: Record<string, string | number>;
  commands: Record<Distro, string[]>;
}

export interface HostCheck {
  id: string;
  group: CheckGroup;
  status: CheckStatus;
  /** i18n key of the check's title, e.g. "host.check.kvmUsable.title". */
  titleKey: string;
  /** i18n key of the one-line result, e.g. "host.check.kvmUsable.tcg". */
  summaryKey: string;
  params?: Record<string, string | number>;
  /** Raw facts behind the result, shown as details (versions, paths, flags). */
  details?: Record<string, string>;
  fix?: HostFix;
}

export type Accelerator = 'kvm' | 'tcg';

export interface HostReport {
  checkedAt: string;
  durationMs: number;
  /** Which accelerator VMs will use on this host, from the KVM checks. */
  accelerator: Accelerator;
  checks: HostCheck[];
}
