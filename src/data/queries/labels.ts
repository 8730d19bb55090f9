import type { Household } from '../../core';
import { decodeAll } from '../crypto/vault';
import type { TerenDb } from '../db';

/** How the team calls each of these households, for screens that list ids from the server. */
export const loadHouseholdLabels = async (
  db: TerenDb,
  ids: readonly string[],
): Promise<Map<string, string>> => {
  const rows = await db.households.bulkGet([...new Set(ids)]);
  const households = await decodeAll<Household>(rows.filter((r) => r !== undefined));
  return new Map(households.map((h) => [h.id, h.label]));
};
