import type { MirrorProbe } from '@shared/mirrors';

/** An HTTP mirror answers when its server answers at all: its root may well be a 404. */
export async function probeHttpMirror(mirror: string, timeoutMs = 3000): Promise<MirrorProbe> {
  return probe(mirror, timeoutMs, () => true);
}

/** A registry answers its API root `/v2/` with 200, or 401 when it wants a login. */
export async function probeRegistryMirror(registry: string, timeoutMs = 3000): Promise<MirrorProbe> {
  return probe(`http://${registry}/v2/`, timeoutMs, (status) => status === 200 || status === 401);
}

async function probe(
  url: string,
  timeoutMs: number,
  accepts: (status: number) => boolean,
): Promise<MirrorProbe> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.body?.cancel();
    if (accepts(response.status)) return { answers: true };
    return { answers: false, detail: `it answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    const detail =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause ?? String(error));
    return { answers: false, detail };
  }
}
