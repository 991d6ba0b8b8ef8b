import { ApiError } from '@shared/errors';
import { containerError } from './messages';

/** What a dockerode failure says, read from its untyped error object. */
export interface DockerFailure {
  /** HTTP status of Docker's answer; absent when the daemon did not answer at all. */
  statusCode?: number;
  /** Socket error code such as ECONNREFUSED. */
  errno?: string;
  /** Docker's own sentence, without docker-modem's "(HTTP code …) … -" prefix. */
  detail: string;
}

export function describeDockerError(error: unknown): DockerFailure {
  if (!(error instanceof Error)) return { detail: String(error) };
  const fields = error as Error & { statusCode?: unknown; json?: unknown; code?: unknown };
  const statusCode = typeof fields.statusCode === 'number' ? fields.statusCode : undefined;
  const errno = typeof fields.code === 'string' ? fields.code : undefined;
  const json = fields.json;
  const fromJson =
    typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string'
      ? json.message
      : undefined;
  const detail = (fromJson ?? error.message.replace(/^\(HTTP code \d+\) [^-]*- /, '')).trim();
  return { ...(statusCode !== undefined && { statusCode }), ...(errno !== undefined && { errno }), detail };
}

export const isNotFound = (error: unknown): boolean => describeDockerError(error).statusCode === 404;
/** Docker answers 304 to starting a running or stopping a stopped container: already done. */
export const isNotModified = (error: unknown): boolean => describeDockerError(error).statusCode === 304;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const DENIED = new Set(['EACCES', 'EPERM']);
/** Docker answers some wrong-state requests (unpause a running container) with 500, not 409. */
const WRONG_STATE = /is not (running|paused)|is (already )?paused|is restarting|cannot (pause|unpause)/i;

/** The ApiError a user sees for a Docker failure about one container. */
export function containerApiError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) return error;
  const failure = describeDockerError(error);
  const common = engineApiError(failure);
  if (common) return common;
  if (failure.statusCode === 404) return containerError('notFound', { id: name });
  if (failure.statusCode === 409 || WRONG_STATE.test(failure.detail)) {
    return containerError('stateConflict', { name, detail: failure.detail });
  }
  return containerError('engine.failed', { detail: failure.detail });
}

/** Failures that have nothing to do with the object: the daemon is gone or closed to us. */
export function engineApiError(failure: DockerFailure): ApiError | undefined {
  if (failure.errno && UNREACHABLE.has(failure.errno)) {
    return containerError('engine.unavailable', { detail: failure.detail });
  }
  if (failure.errno && DENIED.has(failure.errno)) {
    return containerError('engine.noPermission', { detail: failure.detail });
  }
  return undefined;
}
