import { create } from 'zustand';
import type { ErrorCode } from '../core';

export type SyncPhase = 'idle' | 'syncing' | 'error';

export type SyncStatus = {
  online: boolean;
  phase: SyncPhase;
  /** Records received in the running sync, for the progress of a large first sync. */
  received: number;
  lastSyncAt: string | null;
  error: ErrorCode | 'offline' | null;
};

export const useSyncStatus = create<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  phase: 'idle',
  received: 0,
  lastSyncAt: null,
  error: null,
}));
