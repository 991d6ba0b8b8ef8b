import { startTransition, useEffect, useState } from 'react';

/** About a screenful of cards at 1440 × 900: what the first paint must show. */
const firstCards = 12;
const cardsPerStep = 12;

/**
 * How many of `total` guest cards to draw now: a screenful at once, then the rest a step at a
 * time in transitions, which React interrupts for input. So with 100 guests the first cards and
 * their buttons answer at once instead of after the whole grid (seconds on the lab machines), and
 * the rest follow in page order, keeping the Tab order.
 */
export function useProgressiveReveal(total: number): number {
  const [shown, setShown] = useState(firstCards);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown((count) => count + cardsPerStep)));
    return () => clearTimeout(timer);
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
