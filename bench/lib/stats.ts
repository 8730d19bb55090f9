/** Small helpers for timing and summarising samples; shared by Node and the bench page. */

export const now = (): number => performance.now();

/** The q-quantile (0..1) of samples by nearest rank; NaN when there are none. */
export const quantile = (samples: readonly number[], q: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
};

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export const sum = (samples: readonly number[]): number => samples.reduce((a, b) => a + b, 0);

/** Runs fn and returns its result with the milliseconds it took. */
export const timed = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const started = now();
  const value = await fn();
  return { ms: now() - started, value };
};

/** Rounds for display and JSON: 3 significant digits for small numbers, integers above 100. */
export const round = (n: number): number => {
  if (!Number.isFinite(n)) return n;
  if (Math.abs(n) >= 100) return Math.round(n);
  if (Math.abs(n) >= 10) return Math.round(n * 10) / 10;
  return Math.round(n * 100) / 100;
};
