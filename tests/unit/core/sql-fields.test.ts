import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../sync-server/db/record-fields';

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

const HELPER = join('sync-server', 'db', 'record-fields.ts');

/**
 * The server's SQL reads stored records' fields only through `fieldsOf`, whose names the
 * typecheck knows: a renamed or removed schema field then fails to compile instead of
 * silently reading null in a report.
 */
describe('record fields in the server\u2019s SQL', () => {
  it('are read only through fieldsOf, never by a name written into the SQL', () => {
    const raw = sourcesUnder('sync-server')
      .filter((file) => file !== HELPER)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bdata\s*(->>?|#>>?)\s*'/g)].map(
          (m) => `${file}: ${m[0]}`,
        ),
      );
    expect(raw).toEqual([]);
  });

  it('reads text, JSON and nested values of the aliased record', () => {
    const e = fieldsOf('enrolment', 'e');
    expect(e('programme')).toBe("e.data ->> 'programme'");
    expect(fieldsOf('contact', 'c').json('enrolmentIds')).toBe("c.data -> 'enrolmentIds'");
    expect(e.path('lease', 'end')).toBe("e.data #>> '{lease,end}'");
  });

  it('takes only the names of the record type\u2019s schema', () => {
    const c = fieldsOf('contact', 'c');
    // @ts-expect-error a household's field is not a contact's
    expect(c('street')).toBe("c.data ->> 'street'");
    // @ts-expect-error nor is a field no schema has
    expect(fieldsOf('enrolment', 'e')('closedAt')).toBe("e.data ->> 'closedAt'");
  });
});
