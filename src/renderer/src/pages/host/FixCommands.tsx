import { ActionIcon, Box, Code, CopyButton, Stack, Tabs, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy, IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HostFix } from '../../../../shared/host';
import { distros, useDistroPreference } from './useDistroPreference';

function CommandBlock({ commands }: { commands: string[] }) {
  const { t } = useTranslation();
  if (commands.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xs">
        {t('hostPage.fix.noCommands')}
      </Text>
    );
  }
  const text = commands.join('\n');
  return (
    <Box pos="relative">
      <Code block fz="sm" pr={48} style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
        {text}
      </Code>
      <CopyButton value={text} timeout={1500}>
        {({ copied, copy }) => (
          <>
            {/* The tooltip is not announced; this tells screen-reader users the copy worked. */}
            <VisuallyHidden role="status">{copied ? t('hostPage.fix.copied') : ''}</VisuallyHidden>
            <Tooltip
              label={copied ? t('hostPage.fix.copied') : t('hostPage.fix.copy')}
              withArrow
              position="left"
            >
              <ActionIcon
                pos="absolute"
                top={6}
                right={6}
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={t('hostPage.fix.copy')}
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

/** What to do about a failed check: one translated sentence, then the commands per distribution. */
export function FixCommands({ fix }: { fix: HostFix }) {
  const { t } = useTranslation();
  const [distro, setDistro] = useDistroPreference();
  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm">
        <IconTool size={15} stroke={1.8} aria-hidden style={{ verticalAlign: '-2px', marginInlineEnd: 6 }} />
        {/* A margin, not a space: after a full-width colon (Chinese) a space would look doubled. */}
        <Text span fw={600} size="sm" style={{ marginInlineEnd: '0.3em' }}>
          {t('hostPage.fix.lead')}
        </Text>
        {t(fix.key, { ...fix.params })}
      </Text>
      <Tabs
        value={distro}
        onChange={(value) => {
          const next = distros.find((candidate) => candidate === value);
          if (next) setDistro(next);
        }}
        variant="outline"
        keepMounted={false}
      >
        <Tabs.List aria-label={t('hostPage.fix.distributions')}>
          {distros.map((name) => (
            <Tabs.Tab key={name} value={name} fz="xs">
              {t(`hostPage.fix.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {distros.map((name) => (
          <Tabs.Panel key={name} value={name} pt="xs">
            <CommandBlock commands={fix.commands[name]} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
