import { useTranslation } from 'react-i18next';
import { usePendingCount, useRejectedCount } from '../../data/hooks';
import { useSyncStatus } from '../../sync/status-store';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useServices } from '../../widgets/services';
import { syncErrorKey } from './sync-error-key';

/** Always visible: online or not, syncing, last sync, unsent changes. Tap to sync now. */
export const SyncIndicator = () => {
  const { t } = useTranslation();
  const { time } = useFormat();
  const { syncNow } = useServices();
  const status = useSyncStatus();
  const pending = usePendingCount();
  const rejected = useRejectedCount();
  const state = !status.online ? 'offline' : status.phase;
  const label = !status.online
    ? t('sync.offline')
    : status.phase === 'syncing'
      ? status.received > 0
        ? t(status.history ? 'sync.receivedHistory' : 'sync.received', {
            count: status.received,
          })
        : t('sync.syncing')
      : status.phase === 'error'
        ? t(syncErrorKey(status.error))
        : status.lastSyncAt
          ? t('sync.synced', { time: time(status.lastSyncAt) })
          : t('sync.neverSynced');
  return (
    <button
      type="button"
      className={`sync-indicator sync-indicator--${state}`}
      onClick={() => void syncNow()}
      title={t('sync.syncNow')}
      aria-label={`${label}. ${t('sync.syncNow')}`}
      data-testid="sync-indicator"
      data-state={state}
      data-last-sync={status.lastSyncAt ?? ''}
    >
      <Icon
        name={state === 'offline' ? 'cloudOff' : state === 'syncing' ? 'sync' : 'cloud'}
        size={20}
      />
      <span className="sync-indicator__text">
        <span className="sync-indicator__label">{label}</span>
        {state === 'idle' &&
          status.last &&
          pending === 0 &&
          rejected === 0 &&
          status.last.sent + status.last.received > 0 && (
            <span className="sync-indicator__pending" data-testid="last-sync-counts">
              {t('sync.lastCounts', status.last)}
            </span>
          )}
        {pending > 0 && (
          <span className="sync-indicator__pending" data-testid="pending-count">
            {t('sync.pending', { count: pending })}
          </span>
        )}
        {rejected > 0 && (
          <span className="sync-indicator__pending" data-testid="rejected-count">
            {t('sync.rejected', { count: rejected })}
          </span>
        )}
      </span>
    </button>
  );
};
