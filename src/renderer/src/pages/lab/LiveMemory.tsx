import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../components/Sparkline';
import { useLiveMemory } from '../../data/compare';
import { liveHistoryLength } from '../../data/stats-history';
import { formatBytes } from '../../lib/format/bytes';
import classes from './GuestCard.module.css';

/**
 * A card's host-memory sparkline. It reads its guest's samples from the store outside React, so a
 * new sample re-renders this small part only, not the card or the page. Plain elements, as the
 * card's (GuestCard.module.css): a hundred of these re-render every second.
 */
export function LiveMemory({ guestId, name }: { guestId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const values = useLiveMemory(guestId);
  const latest = values?.at(-1);
  if (!values || latest === undefined) return null;
  const text = formatBytes(latest, i18n.language);
  return (
    <div className={classes.memory} data-testid="live-memory">
      <div className={classes.memoryLine}>
        <span className={classes.label}>{t('lab.hostMemory')}</span>
        <span className={classes.memoryValue}>{text}</span>
      </div>
      <Sparkline
        values={[...values]}
        capacity={liveHistoryLength}
        color="var(--mantine-color-teal-6)"
        label={t('lab.memorySparkline', { name, value: text })}
        height={28}
      />
    </div>
  );
}
