import type { SyncStatus } from '../../sync/status-store';

export const syncErrorKey = (error: SyncStatus['error']) => {
  switch (error) {
    case 'offline':
    case 'update_required':
    case 'session_expired':
    case 'unauthorized':
    case 'forbidden':
    case 'revoked':
    case 'protocol_unsupported':
      return `sync.errors.${error}` as const;
    default:
      return 'sync.errors.generic' as const;
  }
};
