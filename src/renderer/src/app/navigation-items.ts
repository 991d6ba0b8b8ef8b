import {
  IconArrowsLeftRight,
  IconChartLine,
  IconFlask2,
  IconSchool,
  IconServer2,
  IconTemplate,
  type Icon,
} from '@tabler/icons-react';

export interface NavigationItem {
  path: string;
  /** i18n key of the link's label, which is also its accessible name. */
  labelKey: string;
  icon: Icon;
  /** Other paths that belong to this section (a guest's page is part of the Lab). */
  alsoActiveOn?: readonly string[];
}

export const navigationItems: readonly NavigationItem[] = [
  { path: '/lab', labelKey: 'nav.lab', icon: IconFlask2, alsoActiveOn: ['/guests'] },
  { path: '/compare', labelKey: 'nav.compare', icon: IconArrowsLeftRight },
  { path: '/density', labelKey: 'nav.density', icon: IconChartLine },
  { path: '/lessons', labelKey: 'nav.lessons', icon: IconSchool },
  { path: '/templates', labelKey: 'nav.templates', icon: IconTemplate },
  { path: '/host', labelKey: 'nav.host', icon: IconServer2 },
];
