/** The image layer: every artifact (container image, VM disk, kernel) is cached, pulled or imported here. */
export {
  ImageCache,
  type CachedImage,
  type ImportedDisk,
  type ImportedKernel,
  type EnsureOptions,
} from './image-cache';
export type { TransferProgress } from './transfer-meter';
export { ImagePuller } from './image-puller';
