/**
 * Listeners on one session's output. The manager has one output hook for all sessions; the
 * composition root feeds it here, and code that waits for a session's output (console.run)
 * listens to that session alone.
 */
export class OutputTaps {
  readonly #listeners = new Map<string, Set<(text: string) => void>>();

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
    for (const listener of this.#listeners.get(sessionId) ?? []) listener(text);
  }
}
