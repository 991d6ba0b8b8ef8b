import { Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** As the per-button tooltips had it: a pointer passing over a row of buttons opens none. */
const openDelayMs = 300;

interface Shown {
  target: HTMLElement;
  label: string;
}

function labelledFrom(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>('[data-tooltip]') : null;
}

/**
 * One tooltip for every element on the page marked `data-tooltip="label"` (the guest cards' icon
 * buttons): it opens on hover after a short delay and at once on keyboard focus, and Escape, a
 * click or leaving closes it. A Mantine Tooltip per button cost each card its floating-ui hooks,
 * four times over, on its first render; with a hundred cards that was most of the Lab's load.
 */
export function DataTooltip() {
  const [shown, setShown] = useState<Shown>();
  const current = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    const show = (target: HTMLElement) => {
      current.current = target;
      setShown({ target, label: target.dataset['tooltip'] ?? '' });
    };
    const hide = () => {
      window.clearTimeout(timer);
      current.current = null;
      setShown(undefined);
    };
    const over = (event: PointerEvent) => {
      const target = labelledFrom(event.target);
      if (!target || target === current.current) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => show(target), openDelayMs);
    };
    const out = (event: PointerEvent) => {
      const target = labelledFrom(event.target);
      if (target && !(event.relatedTarget instanceof Node && target.contains(event.relatedTarget))) hide();
    };
    const focusIn = (event: FocusEvent) => {
      const target = labelledFrom(event.target);
      if (target?.matches(':focus-visible')) show(target);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    const listeners = [
      ['pointerover', over],
      ['pointerout', out],
      ['pointerdown', hide],
      ['focusin', focusIn],
      ['focusout', hide],
      ['keydown', escape],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener);
    return () => {
      window.clearTimeout(timer);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener);
    };
  }, []);

  if (!shown) return null;
  return <Tooltip target={shown.target} label={shown.label} opened withArrow hideDetached />;
}
