/** The container engine service: what the composition root wires into the router. */
export {
  ContainerService,
  type ContainerPreview,
  type CreateOptions,
  type StopOptions,
} from './container-service';
export { ImageService } from './image-service';
export {
  validateContainerSpec,
  type ContainerHostFacts,
  type PortAvailability,
  type SpecProblem,
} from './validate';
export { collectContainerHostFacts } from './host-facts';
export {
  containerCreateSpecSchema,
  type ContainerCreateSpec,
  type ContainerCreateSpecInput,
} from '../engines/docker/container-spec';
export { containerCreateOptions } from '../engines/docker/create-options';
export { dockerRunCommand } from '../engines/docker/docker-run-command';
export type { ContainerChange, ContainerChangeKind } from '../engines/docker/events';
export type { WatchSignal } from '../engines/docker/event-watcher';
export type { ExecResult } from '../engines/docker/exec';
export type { ImportedImage, ImportImageInput } from '../engines/docker/image-import';
export type { TwinlabImage, ImageScope } from '../engines/docker/images';
export type { PullProgress } from '../engines/docker/pull-progress';
export type { ContainerStatsSample } from '../engines/docker/stats';
export { containerMessages } from '../engines/docker/messages';
