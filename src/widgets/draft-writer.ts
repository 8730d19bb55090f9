/**
 * Writes a form's values one write at a time, the latest first: asked while a write runs,
 * it writes only the newest values once that one ends. So every change is written (a reload
 * loses at most the change of the last few milliseconds) without writes piling up under
 * fast typing, and an older write never lands after a newer one.
 */
export const draftWriter = (write: (values: unknown) => Promise<void>) => {
  let latest: { values: unknown } | null = null;
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (latest) {
      const { values } = latest;
      latest = null;
      await write(values);
    }
  };
  return {
    write: (values: unknown) => {
      latest = { values };
      running ??= drain().finally(() => {
        running = null;
      });
    },
    /** Drops what waits and resolves once the write under way (if any) has ended. */
    stop: async () => {
      latest = null;
      await running;
    },
  };
};
