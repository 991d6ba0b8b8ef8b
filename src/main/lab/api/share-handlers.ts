import type { Handlers } from '../router';
import type { ShareService } from '../sharing/share-service';

type ShareMethods = 'share.status' | 'share.start' | 'share.stop';

export function shareHandlers(share: ShareService): Pick<Handlers, ShareMethods> {
  return {
    'share.status': () => share.status(),
    'share.start': ({ port }) => share.start(port),
    'share.stop': () => share.stop(),
  };
}
