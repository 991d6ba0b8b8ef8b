import { Kbd, Menu } from '@mantine/core';
import { IconClearAll, IconClipboard, IconCopy, IconSearch, IconSelectAll } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabels } from './shortcuts';

function MenuShortcut({ children }: { children: ReactNode }) {
  return (
    <Kbd size="xs" aria-hidden>
      {children}
    </Kbd>
  );
}

interface TerminalContextMenuProps {
  /** The terminal the menu opens on (right click). */
  children: ReactNode;
  readOnly: boolean;
  hasSelection: boolean;
  canType: boolean;
  onCopy: () => void;
  onPaste: () => void;
  onSelectAll: () => void;
  onClear: () => void;
  onFind: () => void;
}

/** The right-click menu of a terminal: copy, paste, select all, clear, find. */
export function TerminalContextMenu({
  children,
  readOnly,
  hasSelection,
  canType,
  onCopy,
  onPaste,
  onSelectAll,
  onClear,
  onFind,
}: TerminalContextMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu shadow="md" width={250} withinPortal>
      <Menu.ContextMenu>{children}</Menu.ContextMenu>
      <Menu.Dropdown aria-label={t('terminal.menu')}>
        <Menu.Item
          leftSection={<IconCopy size={15} aria-hidden />}
          rightSection={<MenuShortcut>{shortcutLabels.copy}</MenuShortcut>}
          onClick={onCopy}
          disabled={!hasSelection}
        >
          {t('terminal.copy')}
        </Menu.Item>
        {!readOnly && (
          <Menu.Item
            leftSection={<IconClipboard size={15} aria-hidden />}
            rightSection={<MenuShortcut>{shortcutLabels.paste}</MenuShortcut>}
            onClick={onPaste}
            disabled={!canType}
          >
            {t('terminal.paste')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconSelectAll size={15} aria-hidden />} onClick={onSelectAll}>
          {t('terminal.selectAll')}
        </Menu.Item>
        <Menu.Item leftSection={<IconClearAll size={15} aria-hidden />} onClick={onClear}>
          {t('terminal.clear')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconSearch size={15} aria-hidden />}
          rightSection={<MenuShortcut>{shortcutLabels.find}</MenuShortcut>}
          onClick={onFind}
        >
          {t('terminal.findMenu')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
