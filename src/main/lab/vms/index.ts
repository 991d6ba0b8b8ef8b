/** The VM side of the lab: what the composition root and the router use. */
export {
  VmService,
  type CreateProgress,
  type CreateStep,
  type CreateVmOptions,
  type CreateVmRequest,
  type LibvirtAccess,
  type Leftovers,
  type ShutdownResult,
  type VmServiceOptions,
} from './vm-service';
export { importVmImage, type VmImportDeps } from './vm-import';
export { BootTimer, type BootReady } from './boot-timer';
export { StatePoller, diffGuests, type GuestChanges } from './state-poller';
export type { VmStats } from './vm-stats';
export { vmError, vmErrorCatalog, vmErrorsEnglish, type VmErrorName } from './errors';
export { realHostCapacity, type HostCapacity } from './host-capacity';
