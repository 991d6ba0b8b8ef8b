import { ApiError } from '@shared/errors';
import { vmError } from '../../vms/errors';

/**
 * @unraid/libvirt reports every failure with code -1, so the libvirt message is all there is to go
 * on. Known messages become sentences that say what to do; the rest keeps libvirt's own words.
 */
export function translateLibvirtError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) return error;
  const detail = (error instanceof Error ? error.message : String(error)).trim();
  if (/Domain not found|no domain with matching/i.test(detail)) return vmError('notFound', { id: name });
  const forward = /host forwarding rule '(?:tcp|udp):[^:]*:(\d+)-/i.exec(detail);
  if (forward?.[1]) return vmError('portInUse', { port: forward[1] });
  if (
    /Failed to connect socket|Cannot recv data|End of file while reading|no connection driver|client socket is closed|not connected/i.test(
      detail,
    )
  ) {
    return vmError('libvirtUnavailable', { detail: firstLine(detail) });
  }
  if (
    /Requested operation is not valid|is not running|already running|already active|not paused|is not paused/i.test(
      detail,
    )
  ) {
    return vmError('invalidState', { name, detail: firstLine(detail) });
  }
  return vmError('libvirtFailed', { detail: firstLine(detail) });
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
