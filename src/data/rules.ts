import { Catalog, ContactRule, DEFAULT_RULES, type RuleSet } from '../core';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

const RULES_KEY = 'rules';
const RULES_VERSION_KEY = 'rules.version';
/** The rules' fingerprint the server last reported (with a pull). */
export const RULES_SERVER_VERSION_KEY = 'rules.serverVersion';

/** The organisation's rules as last received from the server, else the seeded defaults. */
export const loadRules = async (db: TerenDb): Promise<RuleSet> => {
  const stored = (await readMeta<unknown[]>(db, RULES_KEY)) ?? [];
  const rules: Record<string, ContactRule> = { ...DEFAULT_RULES };
  for (const raw of stored) {
    const parsed = ContactRule.safeParse(raw);
    if (parsed.success) rules[parsed.data.programme] = parsed.data;
  }
  return rules;
};

export const saveRules = async (
  db: TerenDb,
  rules: readonly ContactRule[],
  version?: string,
): Promise<void> => {
  const valid = rules.filter((r) => ContactRule.safeParse(r).success);
  await writeMeta(db, RULES_KEY, valid);
  if (version) await writeMeta(db, RULES_VERSION_KEY, version);
};

/** The server's rules fingerprint when this device's copy is older, else null. */
export const rulesToFetch = async (db: TerenDb): Promise<string | null | undefined> => {
  const server = await readMeta<string>(db, RULES_SERVER_VERSION_KEY);
  // An older server reports no fingerprint: fetch every time, as before.
  if (!server) return undefined;
  return server === (await readMeta<string>(db, RULES_VERSION_KEY)) ? null : server;
};

const CATALOG_KEY = 'catalog';

/** The city's districts and programmes as last received from the server; null before the first fetch. */
export const loadCatalog = async (db: TerenDb): Promise<Catalog | null> => {
  const parsed = Catalog.safeParse(await readMeta(db, CATALOG_KEY));
  return parsed.success ? parsed.data : null;
};

export const saveCatalog = (db: TerenDb, catalog: Catalog) => writeMeta(db, CATALOG_KEY, catalog);
