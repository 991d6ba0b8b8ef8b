import { ApiError, type ErrorCode, type ErrorParams } from '@shared/errors';

/**
 * English text of every i18n key the container engine emits; `{{param}}` placeholders follow the
 * renderer's i18next catalogs. The English sentence also travels as `message` for logs and callers
 * without a catalog, so it is written once, here.
 */
export const containerMessages = {
  'containers.guard.notManaged':
    'The container “{{name}}” was not created by Twinlab, so Twinlab will not change or remove it. Manage it with the docker command instead.',
  'containers.guard.imageNotManaged':
    'The image “{{name}}” was not added by Twinlab, so Twinlab will not remove it. Manage it with the docker command instead.',

  'containers.validate.nameRequired': 'Enter a name for the container.',
  'containers.validate.nameInvalid':
    '“{{name}}” cannot be a container name. Use at least two letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  'containers.validate.nameTaken':
    'A container named “{{name}}” already exists. Choose another name, or remove the old container first.',
  'containers.validate.imageInvalid':
    '“{{image}}” is not a valid image name. Use lowercase letters, digits, dots, dashes and slashes with an optional :tag, for example busybox:1.36.',
  'containers.validate.imageMissingOffline':
    'The image “{{image}}” is not on this computer, and no registry can be reached to download it. Import it from a tarball instead (a docker save archive or a root filesystem tar).',
  'containers.validate.imageMissingNoPull':
    'The image “{{image}}” is not on this computer, and downloading is switched off. Import it from a tarball, or allow the download.',
  'containers.validate.containerPortOutOfRange':
    'Container port {{port}} is not a valid port number. Use a number from 1 to 65535.',
  'containers.validate.hostPortOutOfRange':
    'Host port {{port}} is not a valid port number. Use a number from 1 to 65535, or leave it empty to let Docker pick a free one.',
  'containers.validate.hostPortPrivileged':
    'Host port {{port}} is below 1024, and only the administrator (root) may open such ports. Choose a port from 1024 to 65535, for example {{suggestion}}.',
  'containers.validate.hostPortInUse':
    'Host port {{port}}/{{protocol}} is already in use by another program or container. Choose another port, or stop what is using it.',
  'containers.validate.hostPortDuplicate':
    'Host port {{port}}/{{protocol}} is listed more than once. Each host port can be published only once.',
  'containers.validate.portsNeedNetwork':
    'The runtime {{runtime}} runs without a network on this computer, so ports cannot be published. Remove the ports, or choose the runc runtime.',
  'containers.validate.memoryTooLow':
    '{{memoryMiB}} MiB is below Docker’s minimum of {{minimumMiB}} MiB. Give the container at least {{minimumMiB}} MiB.',
  'containers.validate.memoryTooHigh':
    '{{memoryMiB}} MiB is more memory than this computer has ({{totalMiB}} MiB). Choose a smaller limit.',
  'containers.validate.cpusTooLow':
    '{{cpus}} CPUs is too little: Docker needs at least {{minimum}}. Use a value such as 0.5 or 1.',
  'containers.validate.cpusTooHigh':
    '{{cpus}} CPUs is more than this computer has ({{available}}). Choose at most {{available}}.',
  'containers.validate.runtimeUnavailable':
    'The runtime {{runtime}} is not registered with Docker on this computer (available: {{available}}). Install it and register it in /etc/docker/daemon.json, or choose another runtime.',
  'containers.validate.runtimeUnavailableRunsc':
    'gVisor (runsc) is not registered with Docker on this computer. Install the runsc package, register it in /etc/docker/daemon.json and restart Docker, or choose runc.',
  'containers.validate.volumeNameInvalid':
    '“{{name}}” cannot be a volume name. Use at least two letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  'containers.validate.anonymousVolumeReadOnly':
    'The volume at “{{target}}” has no name, so it starts empty and cannot be read-only. Give it a name, or make it writable.',
  'containers.validate.mountTargetInvalid':
    'The path inside the container “{{target}}” must be absolute: start it with /.',
  'containers.validate.mountTargetDuplicate':
    'More than one volume or bind mount uses “{{target}}” inside the container. Give each a different path.',
  'containers.validate.bindSourceNotAbsolute':
    'The host path “{{source}}” must be absolute: start it with /.',
  'containers.validate.bindSourceMissing':
    'The host path “{{source}}” does not exist. Create it first, or choose an existing folder or file.',
  'containers.validate.envNameInvalid':
    '“{{name}}” cannot be the name of an environment variable. Use a name without “=” or spaces, such as APP_MODE.',

  'containers.notFound': 'The container “{{id}}” no longer exists. Refresh the list.',
  'containers.stateConflict':
    'Docker cannot do this with the container “{{name}}” in its current state ({{detail}}). Refresh the list and try again.',
  'containers.create.startFailed':
    'The container “{{name}}” was created but could not start: {{detail}}. Twinlab removed it again. Check the command and the image, then try again.',
  'containers.create.failed':
    'The container “{{name}}” could not be created: {{detail}}. Twinlab removed what it had set up. Check the settings and try again.',
  'containers.create.cancelled': 'Creating “{{name}}” was cancelled. Twinlab removed what it had set up.',
  'containers.engine.unavailable':
    'Docker does not answer ({{detail}}). Start the Docker service, then try again.',
  'containers.engine.noPermission':
    'Twinlab may not talk to Docker ({{detail}}). Add your user to the docker group, log out and in again, then try again.',
  'containers.engine.failed': 'Docker refused the request: {{detail}}',

  'containers.image.notFound': 'The image “{{image}}” is not on this computer. Refresh the list.',
  'containers.image.inUse':
    'The image “{{image}}” is still used by a container. Remove the containers that use it first.',
  'containers.image.pullUnreachable':
    'Could not download “{{image}}”: the registry cannot be reached ({{detail}}). This computer may be offline: import the image from a tarball instead.',
  'containers.image.pullNotFound':
    'The registry has no image “{{image}}” ({{detail}}). Check the name and the tag.',
  'containers.image.pullFailed':
    'Downloading “{{image}}” failed: {{detail}}. Try again, or import the image from a tarball.',
  'containers.image.pullCancelled': 'The download of “{{image}}” was cancelled.',
  'containers.image.importFileMissing':
    'The file “{{file}}” does not exist or cannot be read. Choose the tarball again.',
  'containers.image.importNotTar':
    '“{{file}}” is not a tar archive. Choose a file made by docker save, or a root filesystem packed with tar (gzip is fine).',
  'containers.image.importNeedsName':
    '“{{file}}” is a root filesystem, which carries no image name. Give the image a name such as my-image:1.',
  'containers.image.importNameTaken':
    '“{{file}}” would replace the image {{image}}, which is already on this computer and was not added by Twinlab. Rename or remove yours first (docker tag, docker rmi), or import under another name.',
  'containers.image.importUntagged':
    '“{{file}}” holds an image without a name. Give the image a name such as my-image:1, then import it again.',
  'containers.image.importFailed':
    'Importing “{{file}}” failed: {{detail}}. Check that the file is a complete docker save archive or root filesystem tarball.',
  'containers.image.importCancelled': 'The import of “{{file}}” was cancelled.',
} as const;

export type ContainerMessageKey = keyof typeof containerMessages;

export function formatMessage(key: ContainerMessageKey, params: ErrorParams = {}): string {
  return containerMessages[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function containerError(
  code: ErrorCode,
  key: ContainerMessageKey,
  params: ErrorParams = {},
): ApiError {
  return new ApiError(code, key, formatMessage(key, params), params);
}
