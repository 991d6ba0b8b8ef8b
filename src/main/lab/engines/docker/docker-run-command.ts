import {
  isInteractive,
  parseRestartPolicy,
  type ContainerCreateSpec,
  type CreateTraits,
} from './container-spec';
import { LABEL_MANAGED, LABEL_TEMPLATE, LABEL_TWIN } from './labels';
import { shellQuote } from './shell-quote';

export interface DockerRunFormat {
  /** One option group per line, joined with " \" continuations, as in documentation. */
  multiline?: boolean;
}

/**
 * The `docker run` line that creates the same container as containerCreateOptions, for the
 * wizard's Review step. The io.twinlab.created label is left out: its value is the moment of
 * creation, which the preview does not know yet.
 */
export function dockerRunCommand(
  spec: ContainerCreateSpec,
  traits: Pick<CreateTraits, 'runtimeWithoutNetwork'>,
  format: DockerRunFormat = {},
): string {
  const groups: string[][] = [['docker', 'run', '--detach']];
  if (isInteractive(spec)) groups[0]?.push('--interactive', '--tty');
  groups.push(['--name', spec.name]);
  groups.push(['--label', `${LABEL_MANAGED}=true`, '--label', `${LABEL_TEMPLATE}=${spec.templateId}`]);
  if (spec.twinId !== undefined) groups.push(['--label', `${LABEL_TWIN}=${spec.twinId}`]);
  if (spec.runtime !== undefined) groups.push(['--runtime', spec.runtime]);
  if (traits.runtimeWithoutNetwork) groups.push(['--network', 'none']);
  if (spec.memoryMiB !== undefined) groups.push(['--memory', `${spec.memoryMiB}m`]);
  if (spec.cpus !== undefined) groups.push(['--cpus', String(spec.cpus)]);
  if (spec.restart !== undefined) {
    const { name, maximumRetryCount } = parseRestartPolicy(spec.restart);
    groups.push([
      '--restart',
      name === 'on-failure' && maximumRetryCount > 0 ? `${name}:${maximumRetryCount}` : name,
    ]);
  }
  for (const port of spec.ports ?? []) {
    const hostPort = port.host === undefined ? '' : String(port.host);
    const published = port.lan
      ? `${hostPort ? `${hostPort}:` : ''}${port.container}`
      : `127.0.0.1:${hostPort}:${port.container}`;
    groups.push(['--publish', `${published}/${port.protocol}`]);
  }
  for (const volume of spec.volumes ?? []) {
    const fields = [
      ['type', 'volume'],
      ...(volume.name === undefined ? [] : [['source', volume.name]]),
      ['target', volume.target],
    ];
    groups.push(['--mount', mountArgument(fields, volume.readOnly)]);
  }
  for (const bind of spec.binds ?? []) {
    const fields = [
      ['type', 'bind'],
      ['source', bind.source],
      ['target', bind.target],
    ];
    groups.push(['--mount', mountArgument(fields, bind.readOnly)]);
  }
  for (const [name, value] of Object.entries(spec.env ?? {})) groups.push(['--env', `${name}=${value}`]);
  groups.push([spec.image, ...(spec.command ?? [])]);

  const lines = groups.map((group) => group.map(shellQuote).join(' '));
  return lines.join(format.multiline ? ' \\\n  ' : ' ');
}

/** --mount is parsed as one CSV record: a field holding a comma or a quote is CSV-quoted. */
function mountArgument(fields: string[][], readOnly: boolean): string {
  const csv = fields.map((pair) => {
    const field = pair.join('=');
    return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  });
  return [...csv, ...(readOnly ? ['readonly'] : [])].join(',');
}
