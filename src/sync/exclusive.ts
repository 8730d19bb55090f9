/** The part of the Web Locks API used here (absent in old browsers and in tests). */
export type Locks = {
  request: (
    name: string,
    options: { ifAvailable: true },
    run: (lock: unknown) => Promise<void>,
  ) => Promise<unknown>;
};

const browserLocks = (): Locks | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.locks as Locks | undefined);

/**
 * Runs `work` unless another tab of this app holds the lock: it is already doing the same
 * work, and two tabs syncing at once would push the same outbox twice. Without Web Locks
 * the work simply runs.
 */
export const runExclusive = async (
  name: string,
  work: () => Promise<void>,
  locks: Locks | undefined = browserLocks(),
): Promise<void> => {
  if (!locks) return work();
  await locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock) await work();
  });
};
