import { useLocalStorage } from '@mantine/hooks';
import type { Distro } from '@shared/host';

export const distros: readonly Distro[] = ['debian', 'fedora', 'arch'];

function isDistro(value: unknown): value is Distro {
  return typeof value === 'string' && (distros as readonly string[]).includes(value);
}

/** One choice for every fix on the page: who picks Fedora once wants Fedora commands everywhere. */
export function useDistroPreference(): [Distro, (distro: Distro) => void] {
  const [value, setValue] = useLocalStorage<string>({ key: 'twinlab.distro', defaultValue: 'debian' });
  return [isDistro(value) ? value : 'debian', setValue];
}
