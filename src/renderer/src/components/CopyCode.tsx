import {
  ActionIcon,
  Box,
  Button,
  Code,
  CopyButton,
  Paper,
  ScrollArea,
  Tooltip,
  VisuallyHidden,
  type ActionIconVariant,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface CodeWithCopyProps {
  /** What the block shows. */
  code: string;
  /** What Copy puts on the clipboard; the shown code unless told otherwise. */
  copyValue?: string;
  copyLabel: string;
  copiedLabel?: string;
  /** Room on the right for the button, and its distance from the corner. */
  padRight: number;
  inset: number;
  variant: ActionIconVariant;
  testId?: string;
}

/** A code block with a Copy icon in its corner; a hidden status tells screen readers it worked. */
export function CodeWithCopy({
  code,
  copyValue = code,
  copyLabel,
  copiedLabel,
  padRight,
  inset,
  variant,
  testId,
}: CodeWithCopyProps) {
  const { t } = useTranslation();
  const copiedText = copiedLabel ?? t('common.copied');
  return (
    <Box pos="relative">
      <Code block fz="sm" pr={padRight} style={{ whiteSpace: 'pre', overflowX: 'auto' }} data-testid={testId}>
        {code}
      </Code>
      <CopyButton value={copyValue} timeout={1500}>
        {({ copied, copy }) => (
          <>
            {/* The tooltip is not announced; this tells screen-reader users the copy worked. */}
            <VisuallyHidden role="status">{copied ? copiedText : ''}</VisuallyHidden>
            <Tooltip label={copied ? copiedText : copyLabel} withArrow position="left">
              <ActionIcon
                pos="absolute"
                top={inset}
                right={inset}
                variant={variant}
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={copyLabel}
              >
                {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          </>
        )}
      </CopyButton>
    </Box>
  );
}

/** A small labelled Copy button that says "Copied" for a moment after a click. */
export function CopyTextButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          onClick={copy}
          aria-label={label}
        >
          {copied ? t('common.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}

interface ScrollingCodeProps {
  code: string;
  /** The most height before it scrolls. */
  maxHeight: number | string;
  label: string;
  testId: string;
}

/** A long document (JSON, XML) in a bordered box that scrolls, focusable to scroll by keyboard. */
export function ScrollingCode({ code, maxHeight, label, testId }: ScrollingCodeProps) {
  return (
    <Paper withBorder radius="md">
      <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
        <Code
          block
          fz="xs"
          style={{ whiteSpace: 'pre', background: 'transparent' }}
          data-testid={testId}
          tabIndex={0}
          aria-label={label}
        >
          {code}
        </Code>
      </ScrollArea.Autosize>
    </Paper>
  );
}
