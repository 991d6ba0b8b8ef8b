import type { ContainerService, ImageService } from '../containers';
import type { Handlers } from '../router';
import type { Operations } from '../operations';

type ContainerMethods =
  | 'containers.validate'
  | 'containers.preview'
  | 'containers.create'
  | 'containers.action'
  | 'containers.inspect'
  | 'containers.stats'
  | 'images.list'
  | 'images.import'
  | 'images.remove'
  | 'operations.cancel';

/** Seconds Docker waits after SIGTERM: a shell as PID 1 ignores it, and a learner should not wait 10 s. */
const stopTimeoutSeconds = 5;

export function containerHandlers(
  containers: ContainerService,
  images: ImageService,
  operations: Operations,
  openConsole: (containerId: string) => Promise<unknown>,
): Pick<Handlers, ContainerMethods> {
  return {
    'containers.validate': ({ spec }) => containers.validate(spec),
    'containers.preview': ({ spec }) => containers.preview(spec),
    'containers.create': ({ spec, operationId }) =>
      operations.run(operationId, (signal, progress) => {
        progress({ step: 'validating' });
        return containers.create(spec, {
          signal,
          // The wizard ends in the console: attach it before start so the first prompt is there.
          beforeStart: async (id) => {
            await openConsole(id).catch(() => undefined); // the console can still be opened later
          },
          onStep: (step) => progress({ step }),
          onPullProgress: (pull) => progress({ step: 'pulling', pull }),
        });
      }),
    'containers.action': async ({ id, action }) => {
      const options = { timeoutSeconds: stopTimeoutSeconds };
      await (action === 'stop' || action === 'restart'
        ? containers[action](id, options)
        : containers[action](id));
      return null;
    },
    'containers.inspect': ({ id }) => containers.inspect(id),
    'containers.stats': ({ id }) => containers.stats(id),
    'images.list': ({ scope }) => images.list(scope),
    'images.import': ({ operationId, ...input }) =>
      operations.run(operationId, (signal, progress) => {
        progress({ step: 'importing' });
        return images.import(input, { signal });
      }),
    'images.remove': async ({ image }) => {
      await images.remove(image);
      return null;
    },
    'operations.cancel': async ({ operationId }) => {
      operations.cancel(operationId);
      return null;
    },
  };
}
