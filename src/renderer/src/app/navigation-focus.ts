import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** Where focus goes after a navigation: the page's heading, or the console a Create just opened. */
export type NavigationFocus = 'heading' | 'console';

/** Router state asking the next page to put focus into its console (typing then goes to the guest). */
export const focusConsoleState = { focus: 'console' satisfies NavigationFocus } as const;

const headingSelector = 'main h1';
/** xterm's input element: focusing it is what `terminal.focus()` does. */
const consoleSelector = 'main .xterm-helper-textarea';
const waitLimitMs = 15_000;

function wantsConsole(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { focus?: unknown }).focus === 'console';
}

/**
 * After every navigation (not the first page), moves focus to the new page's heading, so a screen
 * reader announces where the user is and Tab continues from the page's top; or, when the navigation
 * asked for it, into the page's console. Pages render their heading or console once their data is
 * there, so it waits for the element to appear (up to a limit), and gives up when the user moved
 * focus somewhere meanwhile.
 */
export function useNavigationFocus(): void {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const selector = wantsConsole(location.state) ? consoleSelector : headingSelector;
    const startedOn = document.activeElement;
    const focus = (): boolean => {
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) return false;
      if (document.activeElement !== startedOn && document.activeElement !== document.body) return true;
      if (!target.hasAttribute('tabindex') && selector === headingSelector) target.tabIndex = -1;
      target.focus({ preventScroll: selector === consoleSelector });
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => {
      if (focus()) stop();
    });
    const timer = setTimeout(() => stop(), waitLimitMs);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const main = document.querySelector('main');
    if (main) observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [location.key, location.state]);
}
