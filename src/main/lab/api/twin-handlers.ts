import type { Handlers } from '../router';
import type { TwinLifecycle } from '../twins/twin-lifecycle';

type TwinMethods = 'twins.delete' | 'twins.start' | 'twins.stop';

/** A twin as one thing: start, stop or delete all of its parts in one call. */
export function twinHandlers(twins: TwinLifecycle): Pick<Handlers, TwinMethods> {
  return {
    'twins.delete': ({ twinId }) => twins.delete(twinId),
    'twins.start': ({ twinId }) => twins.start(twinId),
    'twins.stop': ({ twinId, timeoutSeconds }) => twins.stop(twinId, timeoutSeconds),
  };
}
