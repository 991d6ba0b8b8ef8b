import { Button } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A button, not a link: it starts a task (the New twin flow) rather than going to a place. */
export function NewTwinButton({ variant = 'light' }: { variant?: 'light' | 'filled' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      variant={variant}
      color="grape"
      onClick={() => void navigate('/lab/new-twin')}
      leftSection={<IconArrowsLeftRight size={16} aria-hidden />}
    >
      {t('twinWizard.open')}
    </Button>
  );
}
