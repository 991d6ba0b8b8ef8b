import type { ApiEvents, EventName, MethodInput, MethodName, MethodResult } from '../../src/shared/api';
import { ApiError } from '../../src/shared/errors';
import { join } from 'node:path';
import { createLab, type Lab } from '../../src/main/lab';
import type { EngineName } from '../../src/shared/engines';
import { fixtureTemplatesDir } from './fixtures';

/**
 * Calls the lab the way a renderer does, through the router (validation included), and collects
 * the events it emits, so integration tests exercise the same path as the app.
 */
export class LabClient {
  readonly events: Array<{ event: string; payload: unknown }> = [];
  readonly #unsubscribe: () => void;

  constructor(private readonly lab: Lab) {
    this.#unsubscribe = lab.events.subscribe((message) => this.events.push(message));
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const reply = await this.lab.router.call(method, input);
    if (!reply.ok) throw ApiError.fromData(reply.error);
    return reply.result as MethodResult<M>;
  }

  of<E extends EventName>(event: E): ApiEvents[E][] {
    return this.events
      .filter((message) => message.event === event)
      .map((message) => message.payload as ApiEvents[E]);
  }

  /** The latest state a session reported, if any. */
  consoleState(sessionId: string): string | undefined {
    return this.of('console.state')
      .filter((state) => state.sessionId === sessionId)
      .at(-1)?.state;
  }

  /** All console output of a session so far, in order. */
  output(sessionId: string): string {
    return this.of('console.data')
      .filter((data) => data.sessionId === sessionId)
      .map((data) => data.data)
      .join('');
  }

  async waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.#unsubscribe();
  }
}

/**
 * A lab core as the app makes it, with the fixture templates, once `engine` answers. `env` adds to
 * (or overrides) the environment, e.g. another TWINLAB_EXTRA_TEMPLATES folder.
 */
export async function startTestLab(
  engine: EngineName,
  env: Record<string, string> = {},
): Promise<{ lab: Lab; client: LabClient }> {
  const lab = await createLab({
    version: 'test',
    mode: 'browser',
    resourcesDir: join(import.meta.dirname, '../../resources'),
    env: { ...process.env, TWINLAB_EXTRA_TEMPLATES: fixtureTemplatesDir, ...env },
  });
  const client = new LabClient(lab);
  await client.waitFor(
    () => client.of('engines.status').some((status) => status[engine].state === 'up'),
    `${engine} to answer`,
    30_000,
  );
  return { lab, client };
}
