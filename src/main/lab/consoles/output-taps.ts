/** Characters of each session's latest output kept, enough to see the line the cursor is on. */
const tailChars = 512;

/**
 * Listeners on one session's output, and each session's latest output. The manager has one output
 * hook for all sessions; the composition root feeds it here, and code that waits for a session's
 * output (console.run) listens to that session alone.
 */
export class OutputTaps {
  readonly #listeners = new Map<string, Set<(text: string) => void>>();
  readonly #tails = new Map<string, string>();

  /** Returns the function that stops listening. */
  listen(sessionId: string, listener: (text: string) => void): () => void {
    let set = this.#listeners.get(sessionId);
    if (!set) this.#listeners.set(sessionId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(sessionId);
    };
  }

  feed(sessionId: string, text: string): void {
    this.#tails.set(sessionId, ((this.#tails.get(sessionId) ?? '') + text).slice(-tailChars));
    for (const listener of this.#listeners.get(sessionId) ?? []) listener(text);
  }

  /** The end of what the session printed last. */
  tail(sessionId: string): string {
    return this.#tails.get(sessionId) ?? '';
  }

  /** The session is closed: drop its tail. */
  forget(sessionId: string): void {
    this.#tails.delete(sessionId);
    this.#listeners.delete(sessionId);
  }
}
