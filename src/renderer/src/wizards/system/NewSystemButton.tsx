import { Button, Popover, Text } from '@mantine/core';
import { IconBox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLxdCheck } from '../../data/systems';
import { LxdUnavailableNote } from './LxdUnavailableNote';

/**
 * Opens the New system container wizard when LXD/Incus is usable. When it is not, the button stays
 * focusable and, pressed, says why and links to the Host page's fix instead (as the Host page does).
 */
export function NewSystemButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lxd = useLxdCheck();
  const [explaining, setExplaining] = useState(false);
  const unusable = lxd !== undefined && lxd.status !== 'ok';
  // One element whatever LXD's state: swapping a bare button for a popover target when the host
  // report arrives would remount it and drop the keyboard focus a user just put on it.
  return (
    <Popover
      opened={unusable && explaining}
      onChange={setExplaining}
      width={340}
      shadow="md"
      position="bottom-end"
      withArrow
      trapFocus
      withRoles={false}
    >
      <Popover.Target>
        <Button
          variant="light"
          color="cyan"
          leftSection={<IconBox size={16} aria-hidden />}
          aria-disabled={unusable || undefined}
          aria-expanded={unusable ? explaining : undefined}
          aria-haspopup={unusable ? 'dialog' : undefined}
          data-testid="new-system"
          onClick={() => (unusable ? setExplaining((open) => !open) : void navigate('/lab/new-system'))}
        >
          {t('systemWizard.open')}
        </Button>
      </Popover.Target>
      {lxd && unusable && (
        <Popover.Dropdown>
          <Text fw={650} size="sm" mb={6}>
            {t('systemWizard.unavailable.title')}
          </Text>
          <LxdUnavailableNote check={lxd} />
        </Popover.Dropdown>
      )}
    </Popover>
  );
}
