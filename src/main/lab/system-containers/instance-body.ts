import { stringify } from 'yaml';
import type { SystemSide } from '@shared/template';
import { systemKeys } from './guest-mapping';

/** How LXD finds the image: by alias, or by fingerprint when no alias has that name. */
export type ImageSource = { alias: string } | { fingerprint: string };

export interface InstanceRequest {
  name: string;
  templateId: string;
  system: Pick<SystemSide, 'memoryMiB' | 'cpus'>;
  twinId?: string;
}

/** The POST /1.0/instances body Twinlab sends: the labels that make it Twinlab's, and the limits. */
export interface InstanceBody {
  name: string;
  type: 'container';
  source: { type: 'image' } & ImageSource;
  config: Record<string, string>;
}

export function instanceBody(request: InstanceRequest, source: ImageSource): InstanceBody {
  return {
    name: request.name,
    type: 'container',
    source: { type: 'image', ...source },
    config: {
      ...(request.system.memoryMiB && { 'limits.memory': `${request.system.memoryMiB}MiB` }),
      ...(request.system.cpus && { 'limits.cpu': String(request.system.cpus) }),
      [systemKeys.managed]: 'true',
      ...(request.templateId && { [systemKeys.template]: request.templateId }),
      ...(request.twinId && { [systemKeys.twin]: request.twinId }),
    },
  };
}

/** A word the shell reads as itself: quoted only when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._/:=@+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The same instance made with the engine's own CLI (`lxc launch` or `incus launch`), one -c a line. */
export function launchCommand(product: 'LXD' | 'Incus', body: InstanceBody): string {
  const cli = product === 'Incus' ? 'incus' : 'lxc';
  const image = 'alias' in body.source ? body.source.alias : body.source.fingerprint;
  const config = Object.entries(body.config).map(([key, value]) => `  -c ${shellWord(`${key}=${value}`)}`);
  return [`${cli} launch ${shellWord(image)} ${shellWord(body.name)}`, ...config].join(' \\\n');
}

/** The body as YAML, the form `lxc config show` and lxd-ui's YAML view use. */
export function instanceYaml(body: InstanceBody): string {
  return stringify(body);
}
