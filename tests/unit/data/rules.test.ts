import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../src/core';
import { TerenDb } from '../../../src/data/db';
import { writeMeta } from '../../../src/data/meta';
import {
  loadRules,
  RULES_SERVER_VERSION_KEY,
  rulesToFetch,
  saveRules,
} from '../../../src/data/rules';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`rules-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('rules on the device', () => {
  it('are fetched when the server reports another version, and not again once stored', async () => {
    expect(await rulesToFetch(db)).toBeUndefined(); // an older server: always fetch
    await writeMeta(db, RULES_SERVER_VERSION_KEY, 'v1');
    expect(await rulesToFetch(db)).toBe('v1');
    const edited = { ...DEFAULT_RULES.field_work, planWithinDays: 45 };
    await saveRules(db, [edited], 'v1');
    expect(await rulesToFetch(db)).toBeNull();
    expect((await loadRules(db)).field_work?.planWithinDays).toBe(45);
    await writeMeta(db, RULES_SERVER_VERSION_KEY, 'v2');
    expect(await rulesToFetch(db)).toBe('v2');
  });
});
