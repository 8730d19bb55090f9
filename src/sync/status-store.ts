import { create } from 'zustand';
import type { ErrorCode } from '../core';

export type SyncPhase = 'idle' | 'syncing' | 'error';

export type SyncStatus = {
  online: boolean;
  phase: SyncPhase;
  /** Records received in the running sync, for the progress of a large first sync. */
  received: number;
  /** The first sync is fetching older contacts: the caseload is already complete. */
  history: boolean;
  lastSyncAt: string | null;
  /** What the last finished sync sent and received (others' changes, not ours coming back). */
  last: { sent: number; received: number } | null;
  error: ErrorCode | 'offline' | null;
};

export const useSyncStatus = create<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  phase: 'idle',
  received: 0,
  history: false,
  lastSyncAt: null,
  last: null,
  error: null,
}));
