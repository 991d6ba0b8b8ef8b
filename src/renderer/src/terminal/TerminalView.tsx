import '@xterm/xterm/css/xterm.css';
import {
  Badge,
  Box,
  Group,
  Kbd,
  Loader,
  Menu,
  Paper,
  Stack,
  Text,
  Toolbar,
  Tooltip,
  useComputedColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconClearAll,
  IconClipboard,
  IconCopy,
  IconDoorExit,
  IconRefresh,
  IconSearch,
  IconSelectAll,
  IconZoomIn,
  IconZoomOut,
  type Icon,
} from '@tabler/icons-react';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleState, ConsoleTarget } from '@shared/consoles';
import { useApi } from '../data/ApiContext';
import { useDescribeError } from '../i18n/describe-error';
import { connectConsole, type ViewPhase } from './connect-console';
import { consoleStoreFor } from './console-store';
import { FindBar, type SearchResults } from './FindBar';
import { getFontSize, useTerminalFontSize, zoomFont } from './font-size';
import { SessionBanner } from './SessionBanner';
import { shortcutLabels, shortcutOf, type TerminalShortcut } from './shortcuts';
import { terminalThemes } from './terminal-theme';

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

/** The console target of a view: the host shell has one fixed guest id. */
function targetOf(kind: ConsoleTarget['kind'], guestId: string): ConsoleTarget {
  return kind === 'host' ? { kind, guestId: 'host' } : { kind, guestId };
}

const stateColor: Record<ConsoleState, string> = {
  connecting: 'yellow',
  open: 'teal',
  disconnected: 'orange',
  closed: 'gray',
};

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

interface ToolProps {
  label: string;
  icon: Icon;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  shortcut?: string;
}

/** One toolbar button: the accessible name is the plain label; the tooltip adds the shortcut. */
function Tool({ label, icon: ToolIcon, onClick, disabled, active, shortcut }: ToolProps) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label} withArrow openDelay={300}>
      <Toolbar.Toggle aria-label={label} onClick={onClick} disabled={disabled} active={active}>
        <ToolIcon size={17} stroke={1.7} aria-hidden />
      </Toolbar.Toggle>
    </Tooltip>
  );
}

function MenuShortcut({ children }: { children: ReactNode }) {
  return (
    <Kbd size="xs" aria-hidden>
      {children}
    </Kbd>
  );
}

/**
 * An embedded terminal on a console session in main. The xterm instance lives in a ref and is
 * disposed on unmount (lxd-ui's Xterm idea); the session outlives it, so coming back to the page
 * attaches again and replays what was printed meanwhile.
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
  const api = useApi();
  const store = consoleStoreFor(api);
  const describeError = useDescribeError();
  const scheme = useComputedColorScheme('light');
  const fontSize = useTerminalFontSize();

  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const [phase, setPhase] = useState<ViewPhase>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [hasSelection, setHasSelection] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [results, setResults] = useState<SearchResults>();
  const [reconnecting, setReconnecting] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const sessionId = phase.phase === 'attached' ? phase.sessionId : undefined;
  const session = useSyncExternalStore(store.subscribe, () => store.get(sessionId));
  const state: ConsoleState = session?.state ?? 'connecting';
  const attached = phase.phase === 'attached';

  const copy = useCallback(() => {
    const text = termRef.current?.getSelection() ?? '';
    if (!text) return;
    navigator.clipboard.writeText(text).then(
      () => setAnnouncement(t('terminal.copied')),
      () =>
        notifications.show({
          color: 'red',
          title: t('terminal.copyFailed'),
          message: t('terminal.copyFailedHint'),
        }),
    );
  }, [t]);

  const paste = useCallback(() => {
    const term = termRef.current;
    if (!term || readOnly) return;
    navigator.clipboard.readText().then(
      (text) => {
        if (text) term.paste(text);
        term.focus();
      },
      () =>
        notifications.show({
          color: 'yellow',
          title: t('terminal.pasteFailed'),
          message: t('terminal.pasteFailedHint'),
        }),
    );
  }, [readOnly, t]);

  const openFind = useCallback(() => setFindOpen(true), []);
  const closeFind = useCallback(() => {
    setFindOpen(false);
    setResults(undefined);
    termRef.current?.focus();
  }, []);

  // xterm's key handler is set once per terminal; it reads the current actions through a ref.
  const actions = useRef<Record<TerminalShortcut, () => void> | null>(null);
  useEffect(() => {
    actions.current = {
      copy,
      paste,
      find: openFind,
      zoomIn: () => zoomFont(1),
      zoomOut: () => zoomFont(-1),
      zoomReset: () => zoomFont(0),
    };
  }, [copy, paste, openFind]);
  const inputFailed = useRef<(error: unknown) => void>(() => undefined);
  useEffect(() => {
    inputFailed.current = (error) => {
      notifications.show({ color: 'red', title: t('terminal.inputFailed'), message: describeError(error) });
    };
  }, [t, describeError]);
  const inputSeen = useRef(onInput);
  useEffect(() => {
    inputSeen.current = onInput;
  }, [onInput]);
  const schemeRef = useRef(scheme);
  const hintId = `terminal-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

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
    term.textarea?.setAttribute('aria-describedby', hintId);
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
        if (shortcut !== 'paste') actions.current?.[shortcut]();
      }
      return false;
    });
    const selection = term.onSelectionChange(() => setHasSelection(term.hasSelection()));
    const found = searchAddon.onDidChangeResults((next) => setResults(next));
    termRef.current = term;
    fitRef.current = fit;
    searchRef.current = searchAddon;

    const connection = connectConsole({
      api,
      store,
      term,
      target: targetOf(kind, guestId),
      readOnly,
      onPhase: setPhase,
      onInputError: (error) => inputFailed.current(error),
      onInput: (data) => inputSeen.current?.(data),
    });
    return () => {
      connection.dispose();
      selection.dispose();
      found.dispose();
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
      searchRef.current = null;
    };
  }, [api, store, kind, guestId, readOnly, attempt, hintId]);

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

  const reconnect = () => {
    if (!sessionId) return;
    setReconnecting(true);
    api
      .call('console.reconnect', { sessionId })
      .then(
        (info) => store.update(info.id, info.state, info.detail),
        (error: unknown) =>
          notifications.show({
            color: 'red',
            title: t('terminal.reconnectFailed'),
            message: describeError(error),
          }),
      )
      .finally(() => setReconnecting(false));
  };

  const endSession = () => {
    if (!sessionId) return;
    api.call('console.close', { sessionId }).then(
      () => store.update(sessionId, 'closed', { reason: 'closed' }),
      (error: unknown) =>
        notifications.show({ color: 'red', title: t('terminal.closeFailed'), message: describeError(error) }),
    );
  };

  const newSession = () => {
    if (sessionId) store.forget(sessionId);
    setPhase({ phase: 'opening' });
    setAttempt((value) => value + 1);
  };

  const selectAll = () => {
    termRef.current?.selectAll();
    termRef.current?.focus();
  };
  const clearScreen = () => {
    termRef.current?.clear();
    termRef.current?.focus();
  };
  const copyFromMenu = () => {
    copy();
    termRef.current?.focus();
  };

  const background = terminalThemes[scheme].background;
  const canType = attached && state === 'open' && !readOnly;

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          {phase.phase === 'opening' ? (
            <Group gap={6} role="status">
              <Loader size={14} aria-hidden />
              <Text size="sm" c="dimmed">
                {t('terminal.opening')}
              </Text>
            </Group>
          ) : phase.phase === 'attached' ? (
            <Badge
              variant="default"
              size="lg"
              radius="xl"
              tt="none"
              fw={500}
              leftSection={
                <span
                  className="state-dot"
                  aria-hidden="true"
                  style={{ background: `var(--mantine-color-${stateColor[state]}-6)` }}
                />
              }
              data-testid="console-state"
              data-state={state}
            >
              {t(`terminal.state.${state}`)}
            </Badge>
          ) : null}
          {readOnly && (
            <Badge variant="light" color="gray" tt="none" fw={500}>
              {t('terminal.readOnly')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {findOpen && (
            <FindBar search={() => searchRef.current} scheme={scheme} results={results} onClose={closeFind} />
          )}
          <Toolbar aria-label={t('terminal.toolbar', { name: label })} size="sm" variant="light" withBorder>
            <Tool
              label={t('terminal.copy')}
              icon={IconCopy}
              onClick={copy}
              disabled={!hasSelection}
              shortcut={shortcutLabels.copy}
            />
            {!readOnly && (
              <Tool
                label={t('terminal.paste')}
                icon={IconClipboard}
                onClick={paste}
                disabled={!canType}
                shortcut={shortcutLabels.paste}
              />
            )}
            <Tool
              label={t('terminal.find')}
              icon={IconSearch}
              onClick={() => (findOpen ? closeFind() : openFind())}
              active={findOpen}
              shortcut={shortcutLabels.find}
            />
            <Toolbar.Divider />
            <Tool
              label={t('terminal.zoomOut')}
              icon={IconZoomOut}
              onClick={() => zoomFont(-1)}
              shortcut={shortcutLabels.zoomOut}
            />
            <Tooltip
              label={t('terminal.zoomReset', { shortcut: shortcutLabels.zoomReset })}
              withArrow
              openDelay={300}
            >
              <Toolbar.Toggle
                aria-label={t('terminal.fontSize', { size: fontSize })}
                onClick={() => zoomFont(0)}
                autoWidth
                px={6}
                fz="xs"
              >
                {fontSize}px
              </Toolbar.Toggle>
            </Tooltip>
            <Tool
              label={t('terminal.zoomIn')}
              icon={IconZoomIn}
              onClick={() => zoomFont(1)}
              shortcut={shortcutLabels.zoomIn}
            />
            <Toolbar.Divider />
            <Tool
              label={t('terminal.reconnect')}
              icon={IconRefresh}
              onClick={reconnect}
              disabled={!attached || state !== 'disconnected'}
            />
            <Tool
              label={t('terminal.endSession')}
              icon={IconDoorExit}
              onClick={endSession}
              disabled={!attached || state === 'closed'}
            />
          </Toolbar>
        </Group>
      </Group>

      <SessionBanner
        phase={phase}
        session={session}
        reconnecting={reconnecting}
        onReconnect={reconnect}
        onNewSession={newSession}
      />

      <Menu shadow="md" width={250} withinPortal>
        <Menu.ContextMenu>
          <Paper withBorder radius="md" p={8} style={{ background }} data-color-scheme={scheme}>
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
        </Menu.ContextMenu>
        <Menu.Dropdown aria-label={t('terminal.menu')}>
          <Menu.Item
            leftSection={<IconCopy size={15} aria-hidden />}
            rightSection={<MenuShortcut>{shortcutLabels.copy}</MenuShortcut>}
            onClick={copyFromMenu}
            disabled={!hasSelection}
          >
            {t('terminal.copy')}
          </Menu.Item>
          {!readOnly && (
            <Menu.Item
              leftSection={<IconClipboard size={15} aria-hidden />}
              rightSection={<MenuShortcut>{shortcutLabels.paste}</MenuShortcut>}
              onClick={paste}
              disabled={!canType}
            >
              {t('terminal.paste')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconSelectAll size={15} aria-hidden />} onClick={selectAll}>
            {t('terminal.selectAll')}
          </Menu.Item>
          <Menu.Item leftSection={<IconClearAll size={15} aria-hidden />} onClick={clearScreen}>
            {t('terminal.clear')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconSearch size={15} aria-hidden />}
            rightSection={<MenuShortcut>{shortcutLabels.find}</MenuShortcut>}
            onClick={openFind}
          >
            {t('terminal.findMenu')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <VisuallyHidden id={hintId}>
        {t(readOnly ? 'terminal.keyboardHintReadOnly' : 'terminal.keyboardHint')}
      </VisuallyHidden>
    </Stack>
  );
}
