import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page whose code is fetched the first time it is opened, so the Lab page does not wait for the
 * terminal, charts or lesson Markdown of pages the user has not opened. Pages export by name;
 * `pick` names the export (React.lazy wants a default one).
 */
export function lazyPage<Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}
