import { deepEqual as same } from '../../src/core';

/**
 * Three-way merge of a mutable record (household, person, enrolment): the device's changes
 * are the fields where its record differs from the base it edited; those are applied over
 * the server's current record. A field that someone else changed too is a conflict: the
 * later arrival wins (server order, never device clocks) and the losing value is returned
 * to be logged.
 */
export type FieldConflict = { field: string; losing: unknown; winning: unknown };

/** Bookkeeping fields that change with every save and never conflict. */
const BOOKKEEPING = new Set(['updatedAt']);

export const mergeRecord = (
  server: Record<string, unknown>,
  device: Record<string, unknown>,
  base: Record<string, unknown> | null,
): { merged: Record<string, unknown>; conflicts: FieldConflict[] } => {
  const merged: Record<string, unknown> = { ...server };
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(device), ...Object.keys(base ?? {})]);
  for (const field of fields) {
    const mine = device[field];
    const theirs = server[field];
    if (base && same(mine, base[field])) continue; // not changed on the device
    merged[field] = mine;
    const changedOnServer = base ? !same(theirs, base[field]) : !same(theirs, mine);
    if (changedOnServer && !same(theirs, mine) && !BOOKKEEPING.has(field)) {
      conflicts.push({ field, losing: theirs, winning: mine });
    }
  }
  return { merged, conflicts };
};
