/** A store's notice (src/device/store.ts) in the page's language. */
import type { StoreNotice } from '../../device/store.js';
import { t } from '../i18n/index.js';

/** The sentence that tells the trainee what happened to their saved data, or nothing when all is well. */
export function storeNotice(notice: StoreNotice | undefined): string | undefined {
  if (notice === undefined) return undefined;
  return notice.kind === 'blocked'
    ? t(`store.blocked.${notice.what}`)
    : t(`store.damaged.${notice.what}`, { backup: notice.backup });
}
