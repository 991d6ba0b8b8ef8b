import type { ErrorCode } from '@shared/errors';
import { defineErrors } from '../errors';

/**
 * Every error the system-container service can show a user: i18n key `systems.error.<name>`, error
 * code and the English text (the catalog entry and the ApiError message). Each says what to do next.
 */
export const systemErrorCatalog = {
  unavailable: {
    code: 'engine-unavailable',
    text: 'LXD/Incus is not ready ({{detail}}). Install and initialise it (see the Host page), then try again.',
  },
  notTrusted: {
    code: 'engine-unavailable',
    text: '{{product}} runs, but your user may not use it. Join the {{group}} group (sudo usermod -aG {{group}} $USER), log out and back in, then try again.',
  },
  notInitialised: {
    code: 'engine-unavailable',
    text: '{{product}} runs but has no storage pool yet, so it cannot make containers. Initialise it (the Host page shows the commands), then try again.',
  },
  memoryOutOfRange: {
    code: 'bad-input',
    text: 'A memory limit of {{memoryMiB}} MiB is out of range. Pick between {{min}} and {{max}} MiB (this computer has {{max}} MiB).',
  },
  cpusOutOfRange: {
    code: 'bad-input',
    text: 'A limit of {{cpus}} CPUs is out of range. Pick between 1 and {{max}} (this computer has {{max}}).',
  },
  cancelled: {
    code: 'conflict',
    text: 'The system container "{{name}}" was not made: the create was cancelled and what it had made was removed.',
  },
  snapshotTaken: {
    code: 'conflict',
    text: '"{{name}}" already has a snapshot named "{{snapshot}}". Pick another name, or delete the old snapshot first.',
  },
  snapshotMissing: {
    code: 'not-found',
    text: '"{{name}}" has no snapshot named "{{snapshot}}" any more. Refresh the list.',
  },
  notFound: { code: 'not-found', text: 'There is no system container "{{id}}" any more. Refresh the list.' },
  notManaged: {
    code: 'forbidden',
    text: 'Twinlab did not create the system container "{{name}}", so it only shows it and never changes it. Use the lxc (or incus) command to manage it.',
  },
  nameTaken: {
    code: 'conflict',
    text: 'An instance named "{{name}}" already exists in {{product}}. Pick another name, or delete the old instance first.',
  },
  badName: {
    code: 'bad-input',
    text: '"{{name}}" cannot be a system container name. Use letters, digits and dashes (at most 63), starting with a letter.',
  },
  imageMissing: {
    code: 'not-found',
    text: '{{product}} has no image "{{image}}". Import it (scripts/setup-lxd.sh imports the offline fixture) or fix the template\'s system image.',
  },
  templateHasNoSystem: {
    code: 'bad-input',
    text: 'The template "{{templateId}}" has no system side. Pick a template that describes a system container.',
  },
  failed: { code: 'internal', text: '{{product}} could not do this: {{detail}}' },
} as const satisfies Record<string, { code: ErrorCode; text: string }>;

export type SystemErrorName = keyof typeof systemErrorCatalog;

export const systemError = defineErrors('systems.error', systemErrorCatalog).error;
