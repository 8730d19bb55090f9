import { deepEqual as same, type Hlc } from '../../src/core';

/**
 * Three-way merge of a mutable record (household, person, enrolment): the device's changes
 * are the fields where its record differs from the base it edited. Each changed field wins
 * if its change was made later (hybrid logical clock) than the last accepted change of that
 * field; otherwise the server's value stays. Either way, when two different values met, the
 * losing one is returned to be logged: nothing is overwritten silently.
 */
export type FieldConflict = {
  field: string;
  losing: unknown;
  winning: unknown;
  /** When the stored value lost: the clock it was accepted with (it names its device). */
  replaced?: Hlc;
  /** When the device's value lost: the clock of the stored value that stays (its device). */
  kept?: Hlc;
};

/** Bookkeeping fields that change with every save and never conflict. */
const BOOKKEEPING = new Set(['updatedAt']);

export const mergeRecord = (
  server: Record<string, unknown>,
  device: Record<string, unknown>,
  base: Record<string, unknown> | null,
  clock: { fields: Record<string, Hlc>; incoming: Hlc },
): { merged: Record<string, unknown>; conflicts: FieldConflict[]; fields: Record<string, Hlc> } => {
  const merged: Record<string, unknown> = { ...server };
  const fields: Record<string, Hlc> = { ...clock.fields };
  const conflicts: FieldConflict[] = [];
  const names = new Set([...Object.keys(device), ...Object.keys(base ?? {})]);
  for (const field of names) {
    const mine = device[field];
    const theirs = server[field];
    if (base && same(mine, base[field])) continue; // not changed on the device
    const last = fields[field];
    const deviceIsLater = !last || clock.incoming > last;
    if (same(mine, theirs)) {
      // The same value, decided again later: an edit made before this decision but arriving
      // after it must lose to it, as it would to a different value.
      if (deviceIsLater) fields[field] = clock.incoming;
      continue;
    }
    const changedOnServer = base ? !same(theirs, base[field]) : true;
    if (deviceIsLater) {
      merged[field] = mine;
      fields[field] = clock.incoming;
      if (changedOnServer && !BOOKKEEPING.has(field))
        conflicts.push({ field, losing: theirs, winning: mine, ...(last && { replaced: last }) });
    } else if (!BOOKKEEPING.has(field)) {
      // A change made earlier than the one already accepted arrived late: it loses, logged.
      conflicts.push({ field, losing: mine, winning: theirs, ...(last && { kept: last }) });
    }
  }
  return { merged, conflicts, fields };
};
