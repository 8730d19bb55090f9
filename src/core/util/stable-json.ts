/**
 * JSON with object keys sorted at every level, so equal values compare equal however their
 * keys were ordered (PostgreSQL's jsonb does not keep the order they were written in).
 */
export const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  ) ?? 'undefined';

export const deepEqual = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
