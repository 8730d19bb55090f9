import { describe, expect, it } from 'vitest';
import { cs } from '../../../src/i18n/locales/cs';
import { en } from '../../../src/i18n/locales/en';

const leaves = (obj: object, prefix = ''): [string, unknown][] =>
  Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );

describe('translations', () => {
  it('English has exactly the Czech keys, none empty', () => {
    const csLeaves = leaves(cs);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(csLeaves.map(([k]) => k).sort());
    for (const [key, value] of [...csLeaves, ...enLeaves]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('Czech plurals have the one / few / other forms', () => {
    const keys = leaves(cs).map(([k]) => k);
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      const base = key.slice(0, -'_one'.length);
      expect(keys, base).toContain(`${base}_few`);
      expect(keys, base).toContain(`${base}_other`);
    }
  });
});
