import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSearch, IconX } from '@tabler/icons-react';
import type { ISearchOptions, SearchAddon } from '@xterm/addon-search';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchDecorations } from './terminal-theme';

export interface SearchResults {
  resultIndex: number;
  resultCount: number;
}

interface FindBarProps {
  /** The current terminal's search addon (the terminal may be re-created while the bar is open). */
  search: () => SearchAddon | null;
  scheme: 'light' | 'dark';
  results: SearchResults | undefined;
  onClose: () => void;
  /** On a row of its own under a narrow console's header: the field takes what the row has. */
  fill?: boolean;
}

/** Find in the scrollback: Enter for the next match, Shift+Enter for the previous, Escape to close. */
export function FindBar({ search, scheme, results, onClose, fill = false }: FindBarProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const options = (incremental: boolean): ISearchOptions => ({
    incremental,
    decorations: searchDecorations[scheme],
  });
  const next = (incremental = false) => {
    if (query) search()?.findNext(query, options(incremental));
  };
  const previous = () => {
    if (query) search()?.findPrevious(query, options(false));
  };

  const close = () => {
    search()?.clearDecorations();
    onClose();
  };

  let status = '';
  if (query && results) {
    status =
      results.resultCount === 0
        ? t('terminal.findNoResults')
        : results.resultIndex >= 0
          ? t('terminal.findResults', { index: results.resultIndex + 1, count: results.resultCount })
          : t('terminal.findManyResults', { count: results.resultCount });
  }

  return (
    <Group
      gap={6}
      wrap="nowrap"
      role="search"
      aria-label={t('terminal.findLabel')}
      data-testid="terminal-find"
      w={fill ? '100%' : undefined}
    >
      <TextInput
        ref={inputRef}
        size="xs"
        w={fill ? undefined : 240}
        style={fill ? { flex: 1, minWidth: 0 } : undefined}
        aria-label={t('terminal.findLabel')}
        placeholder={t('terminal.findPlaceholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={query}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setQuery(value);
          if (value) search()?.findNext(value, { incremental: true, decorations: searchDecorations[scheme] });
          else search()?.clearDecorations();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) previous();
            else next();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <Text
        size="xs"
        c="dimmed"
        miw={fill ? undefined : 72}
        style={{ whiteSpace: 'nowrap' }}
        aria-live="polite"
      >
        {status}
      </Text>
      <Tooltip label={t('terminal.findPrevious')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={previous}
          aria-label={t('terminal.findPrevious')}
          disabled={!query}
        >
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('terminal.findNext')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => next()}
          aria-label={t('terminal.findNext')}
          disabled={!query}
        >
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('terminal.findClose')} withArrow>
        <ActionIcon variant="subtle" color="gray" onClick={close} aria-label={t('terminal.findClose')}>
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
