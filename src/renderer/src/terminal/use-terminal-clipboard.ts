import { notifications } from '@mantine/notifications';
import type { Terminal } from '@xterm/xterm';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TerminalClipboard {
  /** Copies the terminal's selection; says so to screen readers, or why not in a notification. */
  copy: (term: Terminal | null) => void;
  /** Types the clipboard's text into the terminal (not into a read-only one). */
  paste: (term: Terminal | null) => void;
  /** The last thing to announce ("Copied"), for a status region. */
  announcement: string;
}

/**
 * Copy and paste through the async clipboard API. Paste by button or menu needs the
 * clipboard-read permission, which Electron denies: the hint then points to Ctrl+Shift+V.
 */
export function useTerminalClipboard(readOnly: boolean): TerminalClipboard {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');

  const copy = useCallback(
    (term: Terminal | null) => {
      const text = term?.getSelection() ?? '';
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
    },
    [t],
  );

  const paste = useCallback(
    (term: Terminal | null) => {
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
    },
    [readOnly, t],
  );

  return { copy, paste, announcement };
}
