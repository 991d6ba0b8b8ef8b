import type { Handlers } from '../router';
import type { TwinLifecycle } from '../twins/twin-lifecycle';

type TwinMethods = 'twins.delete' | 'twins.start' | 'twins.stop';

/** A twin as one thing: start, stop or delete all of its parts in one call. */
export function twinHandlers(
  twins: TwinLifecycle,
  /** What else goes with a deleted twin (its lesson checkpoints). */
  afterDelete: (twinId: string) => Promise<void>,
): Pick<Handlers, TwinMethods> {
  return {
    'twins.delete': async ({ twinId }) => {
      const result = await twins.delete(twinId);
      await afterDelete(twinId);
      return result;
    },
    'twins.start': ({ twinId }) => twins.start(twinId),
    'twins.stop': ({ twinId, timeoutSeconds }) => twins.stop(twinId, timeoutSeconds),
  };
}
