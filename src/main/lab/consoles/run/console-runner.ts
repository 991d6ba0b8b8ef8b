import type { ConsoleRunResult } from '@shared/compare';
import type { ConsoleTarget } from '@shared/consoles';
import { ApiError } from '@shared/errors';
import type { ConsoleManager } from '../console-manager';
import type { SessionInfo } from '../console-session';
import type { OutputTaps } from '../output-taps';
import { twinMessage } from '../../twins/errors';
import { runOnEach, type CommandRunner } from './command-runner';
import { cutRunOutput, type Transcript } from './run-output';
import { endsWithPrompt } from './terminal-text';

export interface ConsoleRunnerDeps {
  consoles: ConsoleManager;
  taps: OutputTaps;
  /** The target's session, opened when it has none (container shell, VM serial console, host shell). */
  open: (target: ConsoleTarget) => Promise<SessionInfo>;
}

/** Raw output kept per run, and how much of its start is kept for the echo when it floods. */
const maxRawChars = 1024 * 1024;
const echoChars = 16 * 1024;
/** Enough of the latest output to see a prompt line, escape sequences included. */
const promptTailChars = 512;
/** How long a run waits for a prompt before it types anyway (a prompt this app does not recognise). */
const promptGraceMs = 2000;
/**
 * A prompt ends a run only when nothing follows it for this long: output can have a line ending in
 * `# ` or `$ ` and go on after a pause.
 */
const settleMs = 250;

/**
 * console.run: types one line into each target's console, exactly as a learner would, and reads
 * back what it printed before the next prompt. Targets run in parallel; runs on one session wait for
 * each other.
 */
export class ConsoleRunner implements CommandRunner {
  readonly #queues = new Map<string, Promise<unknown>>();
  /** Each session's prompt as the last run found it. */
  readonly #prompts = new Map<string, string>();

  constructor(private readonly deps: ConsoleRunnerDeps) {}

  /** The session is closed: its prompt will not be seen again. */
  forget(sessionId: string): void {
    this.#prompts.delete(sessionId);
  }

  run(targets: ConsoleTarget[], command: string, timeoutMs: number): Promise<ConsoleRunResult[]> {
    return runOnEach(this, targets, command, timeoutMs);
  }

  /**
   * `onlyWhenIdle` is for automated probes that have no side channel (a VM's serial console): the
   * line is typed only at an idle prompt with nothing typed on it, else the run answers "busy"; at
   * the timeout the command is left running, never interrupted with Ctrl+C.
   */
  async runOn(
    target: ConsoleTarget,
    command: string,
    timeoutMs: number,
    { onlyWhenIdle = false } = {},
  ): Promise<ConsoleRunResult> {
    const startedAt = performance.now();
    const failed = (error: { key: string; message: string }, output = ''): ConsoleRunResult => ({
      target,
      ok: false,
      error,
      output,
      durationMs: Math.round(performance.now() - startedAt),
    });
    if (target.kind === 'container-logs') return failed(twinMessage('runReadOnly'));
    let session: SessionInfo;
    try {
      session = await this.deps.open(target);
      if (session.state === 'disconnected') session = await this.deps.consoles.reconnect(session.id);
    } catch (error) {
      return failed(messageOf(error));
    }
    if (session.state !== 'open') return failed(twinMessage('runNotOpen'));
    const sessionId = session.id;
    return this.#serialized(sessionId, async () => {
      await this.#prompt(sessionId, Math.min(promptGraceMs, timeoutMs / 2));
      // A running program or a half-typed line leaves no prompt at the end of the output.
      if (onlyWhenIdle && !endsWithPrompt(this.deps.taps.tail(sessionId)))
        return failed(twinMessage('consoleBusy'));
      const typed = await this.#type(sessionId, command, timeoutMs, !onlyWhenIdle);
      const durationMs = Math.round(performance.now() - startedAt);
      return typed.ok
        ? { target, ok: true, output: typed.output, durationMs }
        : { target, ok: false, error: typed.error, output: typed.output, durationMs };
    });
  }

  /** One run at a time per session: a second line typed mid-run would mix the two outputs. */
  #serialized<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(sessionId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.#queues.set(sessionId, settled);
    void settled.then(() => {
      if (this.#queues.get(sessionId) === settled) this.#queues.delete(sessionId);
    });
    return next;
  }

  /**
   * Waits for the shell's prompt: a shell that is still starting (a VM just past its ready marker)
   * flushes what was typed before its line editor took over.
   */
  #prompt(sessionId: string, graceMs: number): Promise<void> {
    if (endsWithPrompt(this.deps.taps.tail(sessionId))) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        stop();
        clearTimeout(timer);
        resolve();
      };
      const stop = this.deps.taps.listen(sessionId, () => {
        if (endsWithPrompt(this.deps.taps.tail(sessionId))) done();
      });
      const timer = setTimeout(done, graceMs);
    });
  }

  #type(
    sessionId: string,
    command: string,
    timeoutMs: number,
    interruptAtTimeout: boolean,
  ): Promise<
    { ok: true; output: string } | { ok: false; error: { key: string; message: string }; output: string }
  > {
    const transcript: Transcript = { before: this.deps.taps.tail(sessionId), raw: '' };
    const knownPrompt = this.#prompts.get(sessionId);
    return new Promise((resolve) => {
      let settle: NodeJS.Timeout | undefined;
      const finish = (result: Parameters<typeof resolve>[0]) => {
        stop();
        clearTimeout(settle);
        clearTimeout(timer);
        resolve(result);
      };
      const stop = this.deps.taps.listen(sessionId, (text) => {
        transcript.raw = bounded(transcript.raw + text);
        clearTimeout(settle);
        // Only a tail that looks like a prompt is worth cutting the whole transcript for.
        if (!endsWithPrompt(transcript.raw.slice(-promptTailChars))) return;
        const cut = cutRunOutput(command, transcript, knownPrompt);
        if (!cut.atPrompt) return;
        settle = setTimeout(() => {
          this.#prompts.set(sessionId, cut.prompt);
          finish({ ok: true, output: cut.output });
        }, settleMs);
      });
      // The command may still run: Ctrl+C gives the console back for the learner and the next run.
      const timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 100) / 10;
        if (interruptAtTimeout) this.#write(sessionId, '\x03');
        finish({
          ok: false,
          error: interruptAtTimeout
            ? twinMessage('runTimeout', { seconds })
            : twinMessage('probeLeftRunning', { seconds }),
          output: cutRunOutput(command, transcript, knownPrompt).output,
        });
      }, timeoutMs);
      try {
        this.deps.consoles.write(sessionId, `${command}\r`);
      } catch (error) {
        finish({ ok: false, error: messageOf(error), output: '' });
      }
    });
  }

  #write(sessionId: string, data: string): void {
    try {
      this.deps.consoles.write(sessionId, data);
    } catch {
      // the session went away meanwhile: nothing left to interrupt
    }
  }
}

/** A flood keeps its start, where the echo is, and its end, where the prompt will be. */
function bounded(raw: string): string {
  if (raw.length <= maxRawChars) return raw;
  return raw.slice(0, echoChars) + raw.slice(-(maxRawChars - echoChars));
}

function messageOf(error: unknown): { key: string; message: string } {
  if (error instanceof ApiError) return { key: error.key, message: error.message };
  return twinMessage('runFailed', { detail: error instanceof Error ? error.message : String(error) });
}
