import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconInfoCircle,
  type Icon,
} from '@tabler/icons-react';
import type { CheckStatus } from '@shared/host';

/** Every status has an icon, a colour and a word, so none of them relies on colour alone. */
export const checkStatusLook: Record<CheckStatus, { color: string; icon: Icon; labelKey: string }> = {
  ok: { color: 'green', icon: IconCircleCheck, labelKey: 'hostPage.status.ok' },
  warn: { color: 'yellow', icon: IconAlertTriangle, labelKey: 'hostPage.status.warn' },
  fail: { color: 'red', icon: IconCircleX, labelKey: 'hostPage.status.fail' },
  info: { color: 'blue', icon: IconInfoCircle, labelKey: 'hostPage.status.info' },
};

/** Worst first, for the summary counts. */
export const statusOrder: readonly CheckStatus[] = ['fail', 'warn', 'ok', 'info'];
