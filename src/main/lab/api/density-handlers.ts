import type { DensityService } from '../density/density-service';
import type { Operations } from '../operations';
import type { Handlers } from '../router';

type DensityMethods = 'density.limits' | 'density.run' | 'density.last';

/** The density experiment: its bounds on this host, a run (cancelled through operations.cancel), the last result. */
export function densityHandlers(
  density: DensityService,
  operations: Operations,
): Pick<Handlers, DensityMethods> {
  return {
    'density.limits': () => density.limits(),
    'density.run': (input) => operations.run(input.operationId, (signal) => density.run(input, signal)),
    'density.last': () => density.last(),
  };
}
