import { Card } from '@mantine/core';
import { IconBox, IconDeviceDesktop } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Guest } from '@shared/guest';
import { BootTimeBadge } from '../../guests/BootTimeBadge';
import { GuestActions } from '../../guests/GuestActions';
import { GuestName } from '../../guests/GuestName';
import { GuestStateBadge } from '../../guests/GuestStateBadge';
import { formatDateTime } from '../../lib/format/time';
import { columnLook, roleColor } from '../compare/columns';
import classes from './GuestCard.module.css';
import { LiveMemory } from './LiveMemory';
import { useTemplateName } from './template-names-context';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className={classes.label}>{label}</dt>
      <dd className={classes.value} title={value}>
        {value}
      </dd>
    </>
  );
}

/** Its own component: the catalog arriving after the guests re-renders this line, not the card. */
function TemplateFact({ templateId }: { templateId: string }) {
  const { t } = useTranslation();
  return <Fact label={t('guest.template')} value={useTemplateName(templateId)} />;
}

/**
 * One of Twinlab's guests: name (a link to its page), state, the main facts, host memory live,
 * lifecycle buttons. Memoised: the guest list keeps unchanged guests as the same objects, so a
 * change to one guest re-renders one card. Laid out with plain elements and a CSS module rather
 * than Mantine's Group, Stack, Text, ThemeIcon and Anchor: each of those resolves its style props
 * on every render, and the Lab draws a hundred cards.
 */
export const GuestCard = memo(function GuestCard({ guest }: { guest: Guest }) {
  const { t, i18n } = useTranslation();
  const isContainer = guest.kind === 'container';
  const look = columnLook(guest);
  const KindIcon = isContainer ? IconBox : IconDeviceDesktop;
  const color = roleColor[look.role];
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      className={classes.card}
      aria-label={guest.name}
      data-testid={`guest-${guest.name}`}
      data-state={guest.state}
    >
      <div className={classes.head}>
        <div className={classes.identity}>
          <span
            className={classes.kindIcon}
            style={{
              background: `var(--mantine-color-${color}-light)`,
              color: `var(--mantine-color-${color}-light-color)`,
            }}
            aria-hidden
          >
            <KindIcon size={20} stroke={1.7} />
          </span>
          <div className={classes.names}>
            <Link to={`/guests/${guest.id}`} className={`mantine-focus-auto ${classes.name}`}>
              <GuestName name={guest.name} />
            </Link>
            <span className={classes.kind}>
              {guest.twinId ? t(look.labelKey) : t(`guest.kind.${guest.kind}`)}
            </span>
          </div>
        </div>
        <GuestStateBadge state={guest.state} />
      </div>
      <dl className={classes.facts}>
        <Fact
          label={t('guest.runtime')}
          value={
            isContainer
              ? t(`guest.runtimeName.${guest.runtime}`, { defaultValue: guest.runtime })
              : t(`vm.runtime.${guest.runtime}`, { defaultValue: guest.runtime })
          }
        />
        <TemplateFact templateId={guest.templateId} />
        <Fact label={t('guest.created')} value={formatDateTime(guest.createdAt, i18n.language)} />
      </dl>
      {guest.state === 'running' && <LiveMemory guestId={guest.id} name={guest.name} />}
      <div className={classes.foot}>
        <div>{!isContainer && <BootTimeBadge id={guest.id} size="sm" />}</div>
        <GuestActions guest={guest} compact />
      </div>
    </Card>
  );
});
