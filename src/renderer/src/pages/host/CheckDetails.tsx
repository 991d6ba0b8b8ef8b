import { Button, Collapse, DataList } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The raw facts behind a result (versions, paths, flags), folded away until asked for. */
export function CheckDetails({
  details,
  checkTitle,
}: {
  details: Record<string, string>;
  checkTitle: string;
}) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-xs"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={panelId}
        rightSection={
          <IconChevronDown
            size={14}
            aria-hidden
            style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
        }
        fw={500}
        c="dimmed"
        style={{ alignSelf: 'flex-start' }}
        ml={-8}
      >
        {opened ? t('hostPage.hideDetails') : t('hostPage.showDetails')}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <DataList
          size="xs"
          labelWidth="140px"
          aria-label={t('hostPage.detailsLabel', { check: checkTitle })}
          pt={4}
        >
          {Object.entries(details).map(([key, value]) => (
            <DataList.Item key={key}>
              <DataList.ItemLabel ff="monospace" c="dimmed">
                {key}
              </DataList.ItemLabel>
              <DataList.ItemValue ff="monospace" style={{ wordBreak: 'break-all' }}>
                {value}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </Collapse>
    </>
  );
}
