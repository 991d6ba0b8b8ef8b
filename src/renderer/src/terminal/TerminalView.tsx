import '@xterm/xterm/css/xterm.css';
import { Box, Group, Paper, Stack, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Terminal } from '@xterm/xterm';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleTarget } from '@shared/consoles';
import { ConsoleStatus } from './ConsoleStatus';
import { FindBar } from './FindBar';
import { useTerminalFontSize, zoomFont } from './font-size';
import { SessionBanner } from './SessionBanner';
import type { TerminalShortcut } from './shortcuts';
import { TerminalContextMenu } from './TerminalContextMenu';
import { terminalThemes } from './terminal-theme';
import { TerminalToolbar } from './TerminalToolbar';
import { useConsoleSession } from './use-console-session';
import { useTerminalClipboard } from './use-terminal-clipboard';
import { useXterm } from './use-xterm';

/** The widest header where badge and full toolbar would wrap ("Guest stopped" plus eight tools). */
const compactBelowPx = 480;
/**
 * Back to the full toolbar only this much wider: the compact one makes the page shorter, which can
 * take the page's scrollbar away and widen the header by its width; without the margin the two
 * toolbars would take turns.
 */
const fullAbovePx = compactBelowPx + 32;

/** Whether the header is narrow, with the margin above; 0 (not measured yet) keeps the last answer. */
function useCompactHeader(width: number): boolean {
  const [compact, setCompact] = useState(false);
  const next = width === 0 ? compact : compact ? width < fullAbovePx : width < compactBelowPx;
  if (next !== compact) setCompact(next);
  return next;
}

interface TerminalViewProps {
  kind: ConsoleTarget['kind'];
  guestId: string;
  /** The terminal's accessible name, e.g. "Console of web-1". */
  label: string;
  /** Logs: no input, no paste. */
  readOnly?: boolean;
  height?: number | string;
  /** Called with what the user types or pastes here, once it is sent (Type in all fans it out). */
  onInput?: (data: string) => void;
}

/**
 * An embedded terminal on a console session in main: the session (`useConsoleSession`), the xterm
 * that shows it (`useXterm`), and around it the status, toolbar, find bar, banner and menu. The
 * session outlives the view, so coming back to the page attaches again and replays what was
 * printed meanwhile.
 */
export function TerminalView({
  kind,
  guestId,
  label,
  readOnly = false,
  height = 420,
  onInput,
}: TerminalViewProps) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const fontSize = useTerminalFontSize();
  const hintId = `terminal-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [findOpen, setFindOpen] = useState(false);

  const session = useConsoleSession({ kind, guestId, readOnly, onInput });
  const clipboard = useTerminalClipboard(readOnly);
  const { copy, paste } = clipboard;
  const openFind = useCallback(() => setFindOpen(true), []);
  const onShortcut = useCallback(
    (shortcut: Exclude<TerminalShortcut, 'paste'>, term: Terminal) => {
      if (shortcut === 'copy') copy(term);
      else if (shortcut === 'find') openFind();
      else zoomFont(shortcut === 'zoomIn' ? 1 : shortcut === 'zoomOut' ? -1 : 0);
    },
    [copy, openFind],
  );
  const { hostRef, termRef, searchRef, hasSelection, results, clearResults } = useXterm({
    readOnly,
    describedBy: hintId,
    scheme,
    fontSize,
    onShortcut,
    connect: session.connect,
    generation: session.generation,
  });

  const closeFind = () => {
    setFindOpen(false);
    clearResults();
    termRef.current?.focus();
  };
  /** A menu action on the terminal, which then gets the focus back. */
  const onTerminal = (action: (term: Terminal) => void) => {
    const term = termRef.current;
    if (!term) return;
    action(term);
    term.focus();
  };

  const { phase, state, snapshot, attached } = session;
  const canType = attached && state === 'open' && !readOnly;
  // Badge and full toolbar need this much on one line; a narrower header gets the compact toolbar.
  const { ref: headerRef, width: headerWidth } = useElementSize();
  const compact = useCompactHeader(headerWidth);
  // Beside the toolbar when there is room, else on a row of its own under the header.
  const findBar = (
    <FindBar
      search={() => searchRef.current}
      scheme={scheme}
      results={results}
      onClose={closeFind}
      fill={compact}
    />
  );

  return (
    <Stack gap="xs">
      <Group ref={headerRef} justify="space-between" gap="sm" wrap="wrap">
        <ConsoleStatus phase={phase.phase} state={state} detail={snapshot?.detail} readOnly={readOnly} />
        <Group gap="xs" wrap="nowrap">
          {findOpen && !compact && findBar}
          <TerminalToolbar
            label={label}
            readOnly={readOnly}
            fontSize={fontSize}
            hasSelection={hasSelection}
            canType={canType}
            findOpen={findOpen}
            canReconnect={attached && state === 'disconnected'}
            canEnd={attached && state !== 'closed'}
            compact={compact}
            onCopy={() => copy(termRef.current)}
            onPaste={() => paste(termRef.current)}
            onToggleFind={() => (findOpen ? closeFind() : openFind())}
            onReconnect={session.reconnect}
            onEndSession={session.endSession}
          />
        </Group>
      </Group>

      {findOpen && compact && findBar}

      <SessionBanner
        phase={phase}
        session={session.snapshot}
        reconnecting={session.reconnecting}
        onReconnect={session.reconnect}
        onNewSession={session.newSession}
      />

      <TerminalContextMenu
        readOnly={readOnly}
        hasSelection={hasSelection}
        canType={canType}
        onCopy={() => onTerminal(copy)}
        onPaste={() => paste(termRef.current)}
        onSelectAll={() => onTerminal((term) => term.selectAll())}
        onClear={() => onTerminal((term) => term.clear())}
        onFind={openFind}
      >
        <Paper
          withBorder
          radius="md"
          p={8}
          style={{ background: terminalThemes[scheme].background }}
          data-color-scheme={scheme}
        >
          <Box
            ref={hostRef}
            role="group"
            aria-label={label}
            aria-roledescription={t('terminal.roleDescription')}
            data-testid="terminal"
            data-kind={kind}
            data-phase={phase.phase}
            data-state={state}
            h={height}
            style={{ overflow: 'hidden' }}
          />
        </Paper>
      </TerminalContextMenu>
      <VisuallyHidden role="status">{clipboard.announcement}</VisuallyHidden>
      <VisuallyHidden id={hintId}>
        {t(readOnly ? 'terminal.keyboardHintReadOnly' : 'terminal.keyboardHint')}
      </VisuallyHidden>
    </Stack>
  );
}
