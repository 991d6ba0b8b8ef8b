import { Stack, Tabs, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HostFix } from '@shared/host';
import { CodeWithCopy } from '../../components/CopyCode';
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
    <CodeWithCopy
      code={text}
      copyLabel={t('hostPage.fix.copy')}
      copiedLabel={t('hostPage.fix.copied')}
      padRight={48}
      inset={6}
      variant="subtle"
    />
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
