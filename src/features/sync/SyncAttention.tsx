import { useTranslation } from 'react-i18next';
import { useRejectedCount, useSyncNotices, useUnreadCount } from '../../data/hooks';
import { Link } from '../../ui/routing';

/**
 * Under the top bar while something sync did needs the worker: a refused change, a change
 * waiting for the supervisor, records only a newer app version can show. "Synchronizováno"
 * alone would hide it.
 */
export const SyncAttention = () => {
  const { t } = useTranslation();
  const refused = useRejectedCount();
  const held = (useSyncNotices() ?? []).filter((n) => n.kind === 'held').length;
  const unread = useUnreadCount();
  if (refused === 0 && held === 0 && unread === 0) return null;
  if (refused === 0 && held === 0)
    return (
      <p className="sync-attention" role="status" data-testid="unread-records">
        {t('syncChanges.unread', { count: unread })}
      </p>
    );
  return (
    <Link to="/sync" className="sync-attention" data-testid="sync-attention">
      <span>
        {[
          refused > 0 ? t('syncChanges.attention', { count: refused }) : '',
          held > 0 ? t('syncChanges.heldAttention', { count: held }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <strong>{t('syncChanges.open')}</strong>
    </Link>
  );
};
