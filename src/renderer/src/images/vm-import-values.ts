import type { VmImportImageInput } from '@shared/vms';

/** What the Import VM image dialog asks for, as typed. */
export interface VmImportValues {
  kind: 'disk' | 'kernel';
  disk: string;
  kernel: string;
  initrd: string;
  cmdline: string;
  name: string;
}

/** Omit over each member of a union, so the kinds stay apart. */
type WithoutOperationId<T> = T extends unknown ? Omit<T, 'operationId'> : never;
export type VmImportRequest = WithoutOperationId<VmImportImageInput>;

type Problems = Partial<Record<keyof VmImportValues, string>>;

/** The i18n keys of what is wrong with the form, by field; empty when it can be sent. */
export function importProblems(values: VmImportValues): Problems {
  const problems: Problems = {};
  const absolute = (field: 'disk' | 'kernel' | 'initrd', optional = false) => {
    const path = values[field].trim();
    if (!(optional && path === '') && !path.startsWith('/')) problems[field] = 'vmImport.pathAbsolute';
  };
  if (values.kind === 'disk') absolute('disk');
  else {
    absolute('kernel');
    absolute('initrd', true);
  }
  if (values.name.trim() === '') problems.name = 'vmImport.nameRequired';
  return problems;
}

/** The API's input (without the operation id) for the chosen kind; empty optional fields are left out. */
export function toImportRequest(values: VmImportValues): VmImportRequest {
  const name = values.name.trim();
  if (values.kind === 'disk') return { kind: 'disk', disk: values.disk.trim(), name };
  return {
    kind: 'kernel',
    kernel: values.kernel.trim(),
    ...(values.initrd.trim() && { initrd: values.initrd.trim() }),
    ...(values.cmdline.trim() && { cmdline: values.cmdline.trim() }),
    name,
  };
}
