/**
 * What a pushed value must be before the server hashes, merges or stores it:
 * text PostgreSQL's jsonb can hold (no NUL, no lone UTF-16 surrogate, in values and in keys),
 * nesting a recursive reader survives, and fields this version does not know kept small, so
 * one device cannot store megabytes that every other device then pulls.
 */
export const MAX_JSON_DEPTH = 16;
/** Fields a record's schema does not know, together, as JSON. */
export const MAX_UNKNOWN_FIELDS_BYTES = 16 * 1024;

export type JsonFault = 'invalid_text' | 'too_deep';

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (s: string): boolean => !BAD_TEXT.test(s);

/**
 * The first fault in a JSON value, or null. Walks without recursion, so a value nested
 * thousands deep is refused instead of overflowing the stack.
 */
export const jsonFault = (value: unknown, maxDepth = MAX_JSON_DEPTH): JsonFault | null => {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v === 'string') {
      if (!isStorableText(v)) return 'invalid_text';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) return 'too_deep';
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (!Array.isArray(v) && !isStorableText(k)) return 'invalid_text';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
};

/** The size, as JSON, of the fields of `record` that `known` does not list. */
export const unknownFieldsBytes = (
  record: Record<string, unknown>,
  known: ReadonlySet<string>,
): number => {
  let bytes = 0;
  for (const [k, v] of Object.entries(record)) {
    if (!known.has(k)) bytes += k.length + (JSON.stringify(v)?.length ?? 0) + 4;
  }
  return bytes;
};
