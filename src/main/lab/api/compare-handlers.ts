import type { CompareService } from '../compare/compare-service';
import type { CompareResultsStore } from '../compare/results-store';
import type { LiveSampler } from '../compare/live-sampler';
import type { Operations } from '../operations';
import type { Handlers } from '../router';
import { createTwin, type TwinCreatorDeps } from '../twins/twin-creator';

type CompareMethods =
  | 'twins.create'
  | 'compare.measure'
  | 'compare.environment'
  | 'guests.live'
  | 'compare.results.get'
  | 'compare.results.save';

export interface CompareHandlerDeps {
  twins: TwinCreatorDeps;
  operations: Operations;
  compare: CompareService;
  live: LiveSampler;
  results: CompareResultsStore;
}

export function compareHandlers({
  twins,
  operations,
  compare,
  live,
  results,
}: CompareHandlerDeps): Pick<Handlers, CompareMethods> {
  return {
    'twins.create': ({ operationId, ...request }) =>
      operations.run(operationId, (signal, progress) => createTwin(twins, request, signal, progress)),
    'compare.measure': ({ guestIds }) => compare.measure(guestIds),
    'compare.environment': () => compare.environment(),
    'guests.live': async () => live.sample(),
    'compare.results.get': ({ twinId }) => results.get(twinId),
    'compare.results.save': async ({ twinId, runs }) => {
      await results.save(twinId, runs);
      return null;
    },
  };
}
