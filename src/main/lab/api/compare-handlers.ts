import type { CompareService } from '../compare/compare-service';
import type { LiveSampler } from '../compare/live-sampler';
import type { Operations } from '../operations';
import type { Handlers } from '../router';
import { createTwin, type TwinCreatorDeps } from '../twins/twin-creator';

type CompareMethods = 'twins.create' | 'compare.measure' | 'compare.environment' | 'guests.live';

export interface CompareHandlerDeps {
  twins: TwinCreatorDeps;
  operations: Operations;
  compare: CompareService;
  live: LiveSampler;
}

export function compareHandlers({
  twins,
  operations,
  compare,
  live,
}: CompareHandlerDeps): Pick<Handlers, CompareMethods> {
  return {
    'twins.create': ({ operationId, ...request }) =>
      operations.run(operationId, (signal, progress) => createTwin(twins, request, signal, progress)),
    'compare.measure': ({ guestIds }) => compare.measure(guestIds),
    'compare.environment': () => compare.environment(),
    'guests.live': async () => live.sample(),
  };
}
