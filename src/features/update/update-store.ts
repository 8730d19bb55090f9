import { create } from 'zustand';

/** Set by the service-worker registration when a new version waits to take over. */
export const useUpdateStore = create<{ waiting: boolean; apply: (() => void) | null }>(() => ({
  waiting: false,
  apply: null,
}));
