import { startTransition, useEffect, useState } from 'react';

/** A screenful of cards at 1440 × 900 (three rows of three): what the first paint must show. */
const firstCards = 9;
const cardsPerStep = 12;
/** A transition restarts on every urgent update; past this a step is taken as a normal update. */
const stepAtLatestMs = 2000;

/**
 * How many of `total` guest cards to draw now: a screenful at once, then the rest a step at a
 * time in transitions, which React interrupts for input. So with 100 guests the first cards and
 * their buttons answer at once instead of after the whole grid (seconds on the lab machines), and
 * the rest follow in page order, keeping the Tab order. Urgent updates (each card's live sample
 * every second, guest list events) restart a transition, and on a busy host a step can take longer
 * than that: bench:lab saw a 200-guest grid unfinished after 60 s. So a step that has not landed
 * in 2 s is taken at once.
 */
export function useProgressiveReveal(total: number): number {
  const [shown, setShown] = useState(firstCards);
  useEffect(() => {
    if (shown >= total) return;
    const step = () => setShown((count) => count + cardsPerStep);
    const soon = setTimeout(() => startTransition(step));
    const atLatest = setTimeout(step, stepAtLatestMs);
    return () => {
      clearTimeout(soon);
      clearTimeout(atLatest);
    };
  }, [shown, total]);
  return Math.min(shown, total);
}

/** How many of each group's cards fit in the first `shown`, groups taken in page order. */
export function shownPerGroup(sizes: readonly number[], shown: number): number[] {
  let left = shown;
  return sizes.map((size) => {
    const taken = Math.min(size, left);
    left -= taken;
    return taken;
  });
}
