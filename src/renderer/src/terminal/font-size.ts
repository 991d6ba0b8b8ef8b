import { useSyncExternalStore } from 'react';

/** One font size for every terminal, remembered across restarts (the zoom buttons and Ctrl+=/-/0). */
export const defaultFontSize = 14;
export const minFontSize = 8;
export const maxFontSize = 32;
const storageKey = 'twinlab.terminal.fontSize';

function load(): number {
  try {
    const value = Number(localStorage.getItem(storageKey));
    return Number.isInteger(value) && value >= minFontSize && value <= maxFontSize ? value : defaultFontSize;
  } catch {
    return defaultFontSize;
  }
}

let current = load();
const listeners = new Set<() => void>();

export function clampFontSize(size: number): number {
  return Math.min(maxFontSize, Math.max(minFontSize, Math.round(size)));
}

export function setFontSize(size: number): void {
  const next = clampFontSize(size);
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(storageKey, String(next));
  } catch {
    // Storage unavailable: the size still applies until the app restarts.
  }
  for (const listener of listeners) listener();
}

export function zoomFont(step: -1 | 0 | 1): void {
  setFontSize(step === 0 ? defaultFontSize : current + step);
}

export function getFontSize(): number {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTerminalFontSize(): number {
  return useSyncExternalStore(subscribe, getFontSize);
}
