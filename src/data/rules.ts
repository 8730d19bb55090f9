import { ContactRule, DEFAULT_RULES, PROGRAMMES, type Programme } from '../core';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

const RULES_KEY = 'rules';

export type RuleSet = Record<Programme, ContactRule>;

/** The organisation's rules as last received from the server, else the seeded defaults. */
export const loadRules = async (db: TerenDb): Promise<RuleSet> => {
  const stored = (await readMeta<unknown[]>(db, RULES_KEY)) ?? [];
  const rules: RuleSet = { ...DEFAULT_RULES };
  for (const raw of stored) {
    const parsed = ContactRule.safeParse(raw);
    if (parsed.success) rules[parsed.data.programme] = parsed.data;
  }
  return rules;
};

export const saveRules = async (db: TerenDb, rules: readonly ContactRule[]): Promise<void> => {
  const valid = rules.filter(
    (r) => ContactRule.safeParse(r).success && PROGRAMMES.includes(r.programme),
  );
  await writeMeta(db, RULES_KEY, valid);
};
