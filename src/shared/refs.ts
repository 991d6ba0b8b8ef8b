import { z } from 'zod';
import { isValidImageReference } from './image-reference';

/**
 * Identifiers that travel to an engine, checked by pattern before any engine call: dockerode puts
 * them into request paths as they are, so `images.remove {image: "name/json?"}` used to reach
 * another endpoint and delete a user's tag. Guest ids fit in URL-safe characters; image references
 * are also encoded as one path segment in main (images.ts).
 */

/** A container id or name, a VM's UUID or Twinlab domain name. */
const guestIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const guestIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(guestIdPattern, 'a guest id is letters, digits, "_", "." and "-"');

/** `name[:tag][@digest]` or an image id, by the distribution reference grammar. */
export const imageRefSchema = z
  .string()
  .min(1)
  .max(512)
  .refine(isValidImageReference, 'an image reference is name[:tag][@digest], e.g. debian:12');

/**
 * Long work (pull, import, create) carries an id chosen by the caller, so the caller can follow
 * its progress events and cancel it.
 */
export const operationIdSchema = z.string().min(1).max(64);
