import type { ErrorCode } from '@shared/errors';
import { defineErrors } from '../errors';

/**
 * Every error the VM service can show a user: i18n key `vms.error.<name>`, error code and the English
 * text, which is both the catalog entry and the ApiError message. Each says what to do next.
 */
export const vmErrorCatalog = {
  badName: {
    code: 'bad-input',
    text: '"{{name}}" cannot be a VM name. Use letters, digits, dots, dashes and underscores (at most 63), starting with a letter or digit.',
  },
  templateHasNoVm: {
    code: 'bad-input',
    text: 'The template "{{templateId}}" has no VM side. Pick a template that describes a VM.',
  },
  notFound: { code: 'not-found', text: 'There is no VM "{{id}}" any more. Refresh the list.' },
  notManaged: {
    code: 'forbidden',
    text: 'Twinlab did not create the VM "{{name}}", so it only shows it and never changes it. Use virt-manager or virsh to manage it.',
  },
  nameTaken: {
    code: 'conflict',
    text: 'A VM named "{{name}}" already exists. Pick another name, or delete the old VM first.',
  },
  notEnoughMemory: {
    code: 'conflict',
    text: 'The VM needs {{neededMiB}} MiB of memory, but only {{availableMiB}} MiB are free on this computer. Stop other VMs or programs, or give the VM less memory.',
  },
  notEnoughDisk: {
    code: 'conflict',
    text: 'Only {{availableMiB}} MiB of disk space are free in {{dir}}, and Twinlab needs at least {{neededMiB}} MiB there. Free some space and try again.',
  },
  folderNotReachable: {
    code: 'forbidden',
    text: 'QEMU runs as another user ({{qemuUser}}) and cannot open {{path}}, because it may not enter the folder {{blocked}}. Allow it with: setfacl -m u:{{qemuUser}}:x {{blocked}} (or choose a data folder outside your home folder).',
  },
  kernelMissing: {
    code: 'not-found',
    text: 'The file {{file}} that this template boots does not exist. Build the fixtures (scripts/build-fixtures.sh) or fix the path in the template.',
  },
  userlandNeedsContainer: {
    code: 'bad-input',
    text: 'The template "{{templateId}}" boots its container image as a VM, but has no container side naming that image. Add a container side to the template.',
  },
  userlandNoShell: {
    code: 'bad-input',
    text: "The image {{image}} has no shell at {{shell}}, so a VM booted from its files would have nothing to run on its console. Pick an image with a shell, or set the template's shell to one the image has.",
  },
  userlandWrongArchitecture: {
    code: 'bad-input',
    text: 'The image {{image}} is built for {{architecture}}, but this computer is {{host}}. Pick the {{host}} variant of the image.',
  },
  userlandNoImage: {
    code: 'not-found',
    text: 'Docker has no image {{image}} after pulling it. Pull it again, or import it from a file on the Lab page.',
  },
  userlandTooSmall: {
    code: 'bad-input',
    text: "The VM keeps the files of {{image}} in its memory and needs at least {{neededMiB}} MiB, but the template gives it {{memoryMiB}} MiB. Raise the VM's memory in the template.",
  },
  portInUse: {
    code: 'conflict',
    text: 'Port {{port}} on this computer is already in use, so it cannot be forwarded into the VM. Stop the program using it, or choose another host port in the template.',
  },
  invalidState: {
    code: 'conflict',
    text: 'The VM "{{name}}" cannot do that right now: {{detail}}',
  },
  busy: {
    code: 'conflict',
    text: 'The VM "{{name}}" is still being created or deleted. Wait a moment and try again.',
  },
  libvirtUnavailable: {
    code: 'engine-unavailable',
    text: 'libvirt is not answering ({{detail}}). Start it (sudo systemctl start libvirtd) and try again.',
  },
  libvirtFailed: { code: 'internal', text: 'libvirt could not do this: {{detail}}' },
  toolMissing: {
    code: 'engine-unavailable',
    text: 'The program {{tool}} is missing. Install it with: sudo apt install {{package}}',
  },
  toolFailed: { code: 'internal', text: '{{tool}} failed: {{detail}}' },
  imageChecksumMismatch: {
    code: 'bad-input',
    text: "The file downloaded from {{url}} is not the expected image: its {{algorithm}} is {{actual}}, but {{expected}} was expected. The file was deleted. Check the template's url and its checksum.",
  },
  checksumFileUnreachable: {
    code: 'engine-unavailable',
    text: "Twinlab could not read the checksum file {{url}} ({{detail}}), so it cannot verify the image and will not download it. Check the network and the template's checksums URL, or import the image from a file (Import VM image).",
  },
  checksumNotListed: {
    code: 'bad-input',
    text: "The checksum file {{checksums}} does not list {{file}}, so Twinlab cannot verify that image and will not download it. Check that the template's url and checksums belong to the same release.",
  },
  checksumUnsupported: {
    code: 'bad-input',
    text: "The checksum file {{checksums}} lists {{file}} only with {{algorithms}}, which Twinlab does not trust to verify an image. Give the image's sha256 in the template instead.",
  },
  imageNotCached: {
    code: 'not-found',
    text: 'The image {{sha256}} of this template is not in the image cache, and the template has no url to download it from. Import the image again (Lab › Import VM image).',
  },
  downloadHttpStatus: {
    code: 'not-found',
    text: 'The server answered "{{status}}" for {{url}}. Check the template\'s url.',
  },
  downloadFailed: {
    code: 'engine-unavailable',
    text: 'The download from {{url}} stopped after {{receivedMiB}} MiB: {{detail}}. Try again; it continues where it stopped.',
  },
  downloadCancelled: {
    code: 'conflict',
    text: 'The download was cancelled. Starting it again continues where it stopped.',
  },
  imageTooLarge: {
    code: 'too-large',
    text: 'The image needs {{neededMiB}} MiB, but only {{availableMiB}} MiB are free in {{dir}}. Free some space and try again.',
  },
  imageUnsupportedFormat: {
    code: 'bad-input',
    text: 'The file {{file}} is a "{{format}}" disk image; Twinlab can use qcow2 or raw images.',
  },
  imageHasBackingFile: {
    code: 'bad-input',
    text: 'The image {{file}} depends on another file ({{backing}}). Import a standalone image (qemu-img convert makes one).',
  },
  imageHasDataFile: {
    code: 'bad-input',
    text: 'The image {{file}} keeps its data in another file ({{dataFile}}), which could be any file on this computer. Use a standalone image (qemu-img convert makes one).',
  },
  importNotFound: {
    code: 'not-found',
    text: 'The file {{file}} does not exist or cannot be read. Check the path (it is a path on the computer running Twinlab) and its permissions.',
  },
  importNotAFile: {
    code: 'bad-input',
    text: '{{file}} is a folder, not a file. Give the path of the file itself.',
  },
  importNotDiskImage: {
    code: 'bad-input',
    text: '{{file}} is not a disk image: it is neither qcow2 nor a raw disk with a partition table or file system. Choose the .qcow2, .img or .raw file of a VM disk.',
  },
  importNotKernel: {
    code: 'bad-input',
    text: '{{file}} is not a Linux kernel that QEMU can boot directly (a bzImage such as /boot/vmlinuz-*). Choose a vmlinuz file.',
  },
  importNotInitrd: {
    code: 'bad-input',
    text: '{{file}} is not an initramfs (a cpio archive, plain or compressed with gzip, xz, zstd, lz4 or bzip2). Choose an initrd.img or initramfs file.',
  },
  importTemplateTaken: {
    code: 'conflict',
    text: 'A template named "{{name}}" (id {{id}}) already exists. Choose another name.',
  },
  importCancelled: {
    code: 'conflict',
    text: 'The import was cancelled and nothing of it was kept. Start it again when you are ready.',
  },
  importBadName: {
    code: 'bad-input',
    text: '"{{name}}" cannot name a template: use at least one letter or digit.',
  },
} as const satisfies Record<string, { code: ErrorCode; text: string }>;

export type VmErrorName = keyof typeof vmErrorCatalog;

const vmErrors = defineErrors('vms.error', vmErrorCatalog);
export const vmError = vmErrors.error;
/** A VM error keeping the tool's or engine's own error as its cause. */
export const vmErrorWith = vmErrors.errorWith;
/** The English catalog (flat keys), as handed to the renderer's locale files. */
export const vmErrorsEnglish = vmErrors.english;
