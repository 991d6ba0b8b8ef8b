import type { Handlers } from '../router';
import { vmAvailability, type VmAvailabilityDeps } from '../vms/vm-availability';

/** The VM wizard's offline check: can each template's image be had now? */
export function vmAvailabilityHandlers(deps: VmAvailabilityDeps): Pick<Handlers, 'vms.availability'> {
  return { 'vms.availability': ({ templateIds }) => vmAvailability(deps, templateIds) };
}
