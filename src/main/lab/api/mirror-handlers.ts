import type { MirrorService } from '../images/mirror-service';
import type { Handlers } from '../router';

type MirrorMethods = 'mirrors.status' | 'mirrors.save' | 'mirrors.clear';

export function mirrorHandlers(mirrors: MirrorService): Pick<Handlers, MirrorMethods> {
  return {
    'mirrors.status': () => mirrors.status(),
    'mirrors.save': (config) => mirrors.save(config),
    'mirrors.clear': () => mirrors.clear(),
  };
}
