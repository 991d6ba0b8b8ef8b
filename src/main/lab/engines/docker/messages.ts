import type { ErrorCode, ErrorParams } from '@shared/errors';
import { defineErrors, interpolate, type ErrorEntry } from '../../errors';

/**
 * English text of every i18n key the container engine emits; `{{param}}` placeholders follow the
 * renderer's i18next catalogs. The English sentence also travels as `message` for logs and callers
 * without a catalog, so it is written once, here.
 */
const containerErrorCatalog = {
  'guard.notManaged': {
    code: 'forbidden',
    text: 'The container “{{name}}” was not created by Twinlab, so Twinlab will not change or remove it. Manage it with the docker command instead.',
  },
  'guard.imageNotManaged': {
    code: 'forbidden',
    text: 'The image “{{name}}” was not added by Twinlab, so Twinlab will not remove it. Manage it with the docker command instead.',
  },
  'validate.nameRequired': { code: 'bad-input', text: 'Enter a name for the container.' },
  'validate.nameInvalid': {
    code: 'bad-input',
    text: '“{{name}}” cannot be a container name. Use at least two letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  },
  'validate.nameTaken': {
    code: 'conflict',
    text: 'A container named “{{name}}” already exists. Choose another name, or remove the old container first.',
  },
  'validate.imageInvalid': {
    code: 'bad-input',
    text: '“{{image}}” is not a valid image name. Use lowercase letters, digits, dots, dashes and slashes with an optional :tag, for example busybox:1.36.',
  },
  'validate.imageMissingOffline': {
    code: 'bad-input',
    text: 'The image “{{image}}” is not on this computer, and no registry can be reached to download it. Import it from a tarball instead (a docker save archive or a root filesystem tar).',
  },
  'validate.imageMissingNoPull': {
    code: 'bad-input',
    text: 'The image “{{image}}” is not on this computer, and downloading is switched off. Import it from a tarball, or allow the download.',
  },
  'validate.containerPortOutOfRange': {
    code: 'bad-input',
    text: 'Container port {{port}} is not a valid port number. Use a number from 1 to 65535.',
  },
  'validate.hostPortOutOfRange': {
    code: 'bad-input',
    text: 'Host port {{port}} is not a valid port number. Use a number from 1 to 65535, or leave it empty to let Docker pick a free one.',
  },
  'validate.hostPortPrivileged': {
    code: 'bad-input',
    text: 'Host port {{port}} is below 1024, and only the administrator (root) may open such ports. Choose a port from 1024 to 65535, for example {{suggestion}}.',
  },
  'validate.hostPortInUse': {
    code: 'conflict',
    text: 'Host port {{port}}/{{protocol}} is already in use by another program or container. Choose another port, or stop what is using it.',
  },
  'validate.hostPortDuplicate': {
    code: 'bad-input',
    text: 'Host port {{port}}/{{protocol}} is listed more than once. Each host port can be published only once.',
  },
  'validate.portsNeedNetwork': {
    code: 'bad-input',
    text: 'The runtime {{runtime}} runs without a network on this computer, so ports cannot be published. Remove the ports, or choose the runc runtime.',
  },
  'validate.memoryTooLow': {
    code: 'bad-input',
    text: '{{memoryMiB}} MiB is below Docker’s minimum of {{minimumMiB}} MiB. Give the container at least {{minimumMiB}} MiB.',
  },
  'validate.memoryTooHigh': {
    code: 'bad-input',
    text: '{{memoryMiB}} MiB is more memory than this computer has ({{totalMiB}} MiB). Choose a smaller limit.',
  },
  'validate.cpusTooLow': {
    code: 'bad-input',
    text: '{{cpus}} CPUs is too little: Docker needs at least {{minimum}}. Use a value such as 0.5 or 1.',
  },
  'validate.cpusTooHigh': {
    code: 'bad-input',
    text: '{{cpus}} CPUs is more than this computer has ({{available}}). Choose at most {{available}}.',
  },
  'validate.runtimeUnavailable': {
    code: 'bad-input',
    text: 'The runtime {{runtime}} is not registered with Docker on this computer (available: {{available}}). Install it and register it in /etc/docker/daemon.json, or choose another runtime.',
  },
  'validate.runtimeUnavailableRunsc': {
    code: 'bad-input',
    text: 'gVisor (runsc) is not registered with Docker on this computer. Install the runsc package, register it in /etc/docker/daemon.json and restart Docker, or choose runc.',
  },
  'validate.volumeNameInvalid': {
    code: 'bad-input',
    text: '“{{name}}” cannot be a volume name. Use at least two letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  },
  'validate.anonymousVolumeReadOnly': {
    code: 'bad-input',
    text: 'The volume at “{{target}}” has no name, so it starts empty and cannot be read-only. Give it a name, or make it writable.',
  },
  'validate.mountTargetInvalid': {
    code: 'bad-input',
    text: 'The path inside the container “{{target}}” must be absolute: start it with /.',
  },
  'validate.mountTargetDuplicate': {
    code: 'bad-input',
    text: 'More than one volume or bind mount uses “{{target}}” inside the container. Give each a different path.',
  },
  'validate.bindSourceNotAbsolute': {
    code: 'bad-input',
    text: 'The host path “{{source}}” must be absolute: start it with /.',
  },
  'validate.bindSourceMissing': {
    code: 'bad-input',
    text: 'The host path “{{source}}” does not exist. Create it first, or choose an existing folder or file.',
  },
  'validate.envNameInvalid': {
    code: 'bad-input',
    text: '“{{name}}” cannot be the name of an environment variable. Use a name without “=” or spaces, such as APP_MODE.',
  },
  notFound: { code: 'not-found', text: 'The container “{{id}}” no longer exists. Refresh the list.' },
  stateConflict: {
    code: 'conflict',
    text: 'Docker cannot do this with the container “{{name}}” in its current state ({{detail}}). Refresh the list and try again.',
  },
  'create.startFailed': {
    code: 'internal',
    text: 'The container “{{name}}” was created but could not start: {{detail}}. Twinlab removed it again. Check the command and the image, then try again.',
  },
  'create.failed': {
    code: 'internal',
    text: 'The container “{{name}}” could not be created: {{detail}}. Twinlab removed what it had set up. Check the settings and try again.',
  },
  'create.cancelled': {
    code: 'conflict',
    text: 'Creating “{{name}}” was cancelled. Twinlab removed what it had set up.',
  },
  'engine.unavailable': {
    code: 'engine-unavailable',
    text: 'Docker does not answer ({{detail}}). Start the Docker service, then try again.',
  },
  'engine.noPermission': {
    code: 'engine-unavailable',
    text: 'Twinlab may not talk to Docker ({{detail}}). Add your user to the docker group, log out and in again, then try again.',
  },
  'engine.failed': { code: 'internal', text: 'Docker refused the request: {{detail}}' },
  'image.notFound': {
    code: 'not-found',
    text: 'The image “{{image}}” is not on this computer. Refresh the list.',
  },
  'image.inUse': {
    code: 'conflict',
    text: 'The image “{{image}}” is still used by a container. Remove the containers that use it first.',
  },
  'image.pullUnreachable': {
    code: 'engine-unavailable',
    text: 'Could not download “{{image}}”: the registry cannot be reached ({{detail}}). This computer may be offline: import the image from a tarball instead.',
  },
  'image.pullNotFound': {
    code: 'not-found',
    text: 'The registry has no image “{{image}}” ({{detail}}). Check the name and the tag.',
  },
  'image.pullFailed': {
    code: 'internal',
    text: 'Downloading “{{image}}” failed: {{detail}}. Try again, or import the image from a tarball.',
  },
  'image.pullCancelled': { code: 'conflict', text: 'The download of “{{image}}” was cancelled.' },
  'image.importFileMissing': {
    code: 'not-found',
    text: 'The file “{{file}}” does not exist or cannot be read. Choose the tarball again.',
  },
  'image.importNotTar': {
    code: 'bad-input',
    text: '“{{file}}” is not a tar archive. Choose a file made by docker save, or a root filesystem packed with tar (gzip is fine).',
  },
  'image.importNeedsName': {
    code: 'bad-input',
    text: '“{{file}}” is a root filesystem, which carries no image name. Give the image a name such as my-image:1.',
  },
  'image.importNameTaken': {
    code: 'conflict',
    text: '“{{file}}” would replace the image {{image}}, which is already on this computer and was not added by Twinlab. Rename or remove yours first (docker tag, docker rmi), or import under another name.',
  },
  'image.importUntagged': {
    code: 'bad-input',
    text: '“{{file}}” holds an image without a name. Give the image a name such as my-image:1, then import it again.',
  },
  'image.importFailed': {
    code: 'bad-input',
    text: 'Importing “{{file}}” failed: {{detail}}. Check that the file is a complete docker save archive or root filesystem tarball.',
  },
  'image.importCancelled': { code: 'conflict', text: 'The import of “{{file}}” was cancelled.' },
} as const satisfies Record<string, ErrorEntry>;

const containerErrors = defineErrors('containers', containerErrorCatalog);
/** The English text under its i18n keys; the renderer's catalogs hold the same (a unit test keeps them equal). */
export const containerMessages = containerErrors.english();
export type ContainerMessageKey = keyof typeof containerMessages;
/** A container error; its parameters are checked against its sentence. */
export const containerError = containerErrors.error;
/** A container error whose code depends on Docker's answer (a 4xx is the request's fault). */
export const containerErrorWith = containerErrors.errorWith;

/** The API code of a validation problem's sentence when it becomes an error (bad input unless the catalog says otherwise). */
export function containerErrorCode(key: string): ErrorCode {
  const entry: ErrorEntry | undefined = Object.entries(containerErrorCatalog).find(
    ([name]) => `containers.${name}` === key,
  )?.[1];
  return entry?.code ?? 'bad-input';
}

/** The English sentence of a validation problem, which carries its key and parameters as data. */
export function formatMessage(key: ContainerMessageKey, params: ErrorParams = {}): string {
  return interpolate(containerMessages[key], params);
}
