import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { SearchResults } from './FindBar';
import { getFontSize } from './font-size';
import { shortcutOf, type TerminalShortcut } from './shortcuts';
import { terminalThemes } from './terminal-theme';

export interface XtermOptions {
  /** Logs: no cursor, no input, bare \n ends a line. */
  readOnly: boolean;
  /** Id of the element that tells screen readers how to leave the terminal. */
  describedBy: string;
  scheme: 'light' | 'dark';
  fontSize: number;
  /** A Twinlab shortcut pressed in the terminal (paste is left to the browser's paste event). */
  onShortcut: (shortcut: Exclude<TerminalShortcut, 'paste'>, term: Terminal) => void;
  /**
   * Binds a new terminal to its session and returns the unbinding. A new function (another
   * target) replaces the terminal, the way a remount would.
   */
  connect: (term: Terminal) => () => void;
  /** Bumped to replace the terminal with a new one on the same target (a new session). */
  generation: number;
}

export interface Xterm {
  /** The element xterm renders into. */
  hostRef: RefObject<HTMLDivElement | null>;
  /** The live terminal, null between dispose and the next one. */
  termRef: RefObject<Terminal | null>;
  searchRef: RefObject<SearchAddon | null>;
  hasSelection: boolean;
  results: SearchResults | undefined;
  clearResults: () => void;
}

/** A fit is only possible while the terminal is laid out (not in a hidden tab). */
function fitIfVisible(fit: FitAddon | null): void {
  const dims = fit?.proposeDimensions();
  if (
    !fit ||
    !dims ||
    !Number.isFinite(dims.cols) ||
    !Number.isFinite(dims.rows) ||
    dims.cols < 2 ||
    dims.rows < 1
  )
    return;
  fit.fit();
}

function monoFont(): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue('--twinlab-font-mono').trim();
  return value || 'monospace';
}

/**
 * One xterm.js terminal and its addons (fit, search) for the life of a session binding: created
 * in a ref and disposed on unmount (lxd-ui's Xterm idea), themed by the color scheme, sized by
 * the font size and its box. What it shows comes from `connect`; the hook knows no console.
 */
export function useXterm({
  readOnly,
  describedBy,
  scheme,
  fontSize,
  onShortcut,
  connect,
  generation,
}: XtermOptions): Xterm {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [results, setResults] = useState<SearchResults>();

  // xterm's key handler is set once per terminal; it reads the current actions through a ref.
  const shortcutRef = useRef(onShortcut);
  useEffect(() => {
    shortcutRef.current = onShortcut;
  }, [onShortcut]);
  const schemeRef = useRef(scheme);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const term = new Terminal({
      fontFamily: monoFont(),
      fontSize: getFontSize(),
      theme: terminalThemes[schemeRef.current],
      scrollback: 5000,
      cursorBlink: !readOnly,
      disableStdin: readOnly,
      // Logs may end lines with a bare \n.
      convertEol: readOnly,
      // The search addon's highlights use the decorations API.
      allowProposedApi: true,
    });
    const fit = new FitAddon();
    const searchAddon = new SearchAddon({ highlightLimit: 1000 });
    term.loadAddon(fit);
    term.loadAddon(searchAddon);
    term.open(host);
    fitIfVisible(fit);
    // Screen readers announce how to get out again: Tab belongs to the shell (completion).
    term.textarea?.setAttribute('aria-describedby', describedBy);
    term.attachCustomKeyEventHandler((event) => {
      // Shift+Tab leaves the terminal (the browser moves focus back), so it is no keyboard trap.
      if (event.key === 'Tab' && event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey)
        return false;
      const shortcut = shortcutOf(event);
      if (!shortcut) return true;
      if (event.type === 'keydown') {
        // Ctrl+Shift+V is left to the browser, whose paste event xterm turns into input: that
        // works without the clipboard-read permission (Electron denies it).
        if (shortcut !== 'paste' || readOnly) event.preventDefault();
        if (shortcut !== 'paste') shortcutRef.current(shortcut, term);
      }
      return false;
    });
    const selection = term.onSelectionChange(() => setHasSelection(term.hasSelection()));
    const found = searchAddon.onDidChangeResults((next) => setResults(next));
    termRef.current = term;
    fitRef.current = fit;
    searchRef.current = searchAddon;

    const disconnect = connect(term);
    return () => {
      disconnect();
      selection.dispose();
      found.dispose();
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
      searchRef.current = null;
    };
  }, [connect, readOnly, describedBy, generation]);

  useEffect(() => {
    schemeRef.current = scheme;
    if (termRef.current) termRef.current.options.theme = terminalThemes[scheme];
  }, [scheme]);

  useEffect(() => {
    if (!termRef.current) return;
    termRef.current.options.fontSize = fontSize;
    fitIfVisible(fitRef.current);
  }, [fontSize]);

  // The terminal follows its box: window resizes, the navigation folding, zoom.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitIfVisible(fitRef.current));
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  return { hostRef, termRef, searchRef, hasSelection, results, clearResults: () => setResults(undefined) };
}
