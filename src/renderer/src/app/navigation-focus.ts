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
 * there, and some draw it again when it comes (a loading header, then the page's), so for a while it
 * follows the element: it focuses the first one that appears and the next one when the focused one
 * leaves the page. It gives up when the user moves focus somewhere else, or after a limit.
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
    let focused: HTMLElement | null = null;
    /** False once the user has put focus elsewhere: nothing more to do. */
    const follow = (): boolean => {
      const active = document.activeElement;
      if (focused?.isConnected) return active === focused || active === document.body;
      if (active !== startedOn && active !== document.body) return false;
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) return true;
      if (!target.hasAttribute('tabindex') && selector === headingSelector) target.tabIndex = -1;
      target.focus({ preventScroll: selector === consoleSelector });
      focused = target;
      return true;
    };
    if (!follow()) return;
    const observer = new MutationObserver(() => {
      if (!follow()) stop();
    });
    const timer = setTimeout(() => stop(), waitLimitMs);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const main = document.querySelector('main');
    if (main) observer.observe(main, { childList: true, subtree: true });
    return stop;
    // The path too: every address set outside the router (typed, or a link to #/…) has the key
    // 'default', so a key alone misses going from one such address to the next.
  }, [location.key, location.pathname, location.state]);
}
