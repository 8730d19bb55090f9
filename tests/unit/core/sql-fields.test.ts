import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS } from '../../../src/core';

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Every field a record schema has, of any record type. */
const schemaFields = new Set(
  Object.values(RECORD_SCHEMAS).flatMap((schema) => Object.keys(schema.shape)),
);

/**
 * The server's SQL reads stored records by field name (`r.data ->> 'closedOn'`), which the
 * typecheck cannot see. Until those reads are typed, a renamed or removed schema
 * field fails here instead of silently reading null in a report.
 */
describe('record fields named in the server\u2019s SQL', () => {
  it('all exist in a record schema', () => {
    const named = new Map<string, string[]>();
    for (const file of sourcesUnder('sync-server')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bdata\s*->>?\s*'([A-Za-z_]\w*)'/g)) {
        const field = m[1] as string;
        named.set(field, [...(named.get(field) ?? []), file]);
      }
    }
    expect(named.size).toBeGreaterThan(10);
    const unknown = [...named].filter(([field]) => !schemaFields.has(field));
    expect(unknown).toEqual([]);
  });
});
