import type { CheckDefinition } from '../check-kit';
import { dockerReachableCheck, dockerRuntimesCheck } from './docker';
import { libvirtDefaultNetworkCheck, libvirtReachableCheck } from './libvirt';
import { dockerGroupCheck, kvmGroupCheck, libvirtGroupCheck } from './permissions';
import { mirrorsCheck } from './mirrors';
import { diskFreeCheck } from './storage';
import { lxdReachableCheck } from './system-containers';
import { isoToolCheck, qemuImgToolCheck, virshToolCheck } from './tools';
import { cpuVirtFlagsCheck, kvmDeviceCheck, kvmUsableCheck } from './virtualization';

/** Every check, in the order the Host page lists them. */
export const allChecks: readonly CheckDefinition[] = [
  cpuVirtFlagsCheck,
  kvmDeviceCheck,
  kvmUsableCheck,
  libvirtReachableCheck,
  libvirtDefaultNetworkCheck,
  dockerReachableCheck,
  dockerRuntimesCheck,
  lxdReachableCheck,
  virshToolCheck,
  qemuImgToolCheck,
  isoToolCheck,
  diskFreeCheck,
  mirrorsCheck,
  dockerGroupCheck,
  libvirtGroupCheck,
  kvmGroupCheck,
];
