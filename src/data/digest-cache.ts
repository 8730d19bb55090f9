import type { ContactFacts, PlanFacts } from '../core';
import type { TerenDb } from './db';
import { digestContacts, digestPlans, type HouseholdDigest } from './digest';
import { readGeneration, type Generation } from './digest-generation';

/**
 * The parsed household digests, kept in memory between screens (issue 8): the agenda and
 * the caseload re-run their query after every write, and reading and parsing 2,000 digests
 * costs more than the rules engine itself.
 *
 * Kept true by a generation stored in `meta` beside the digests: every transaction that
 * writes digests stamps its rows with the next generation number, and one that removes
 * digests starts a new epoch. A reader compares the stored generation with the one it
 * parsed: equal, nothing is read; higher, only the rows stamped since are read (an index);
 * another epoch, everything is read again. The marker lives in the database, so a write made
 * by another tab is seen as well.
 */
export type ParsedDigest = {
  from: string;
  partial: boolean;
  /** Shared between readers: never modified. */
  contacts: readonly ContactFacts[];
  plans: readonly PlanFacts[];
};

type Cache = Generation & { entries: Map<string, ParsedDigest> };

const caches = new WeakMap<TerenDb, Cache>();

const parse = (d: HouseholdDigest): ParsedDigest => ({
  from: d.from,
  partial: d.partial === true,
  contacts: digestContacts(d),
  plans: digestPlans(d),
});

/** Every household digest of the device, parsed; read from the database only as needed. */
export const parsedDigests = (db: TerenDb): Promise<ReadonlyMap<string, ParsedDigest>> =>
  db.transaction('r', [db.meta, db.digests], async () => {
    const stored = await readGeneration(db);
    const cached = caches.get(db);
    if (stored && cached && cached.epoch === stored.epoch && cached.gen <= stored.gen) {
      if (cached.gen < stored.gen) {
        const changed = await db.digests.where('gen').above(cached.gen).toArray();
        for (const d of changed) cached.entries.set(d.householdId, parse(d));
        cached.gen = stored.gen;
      }
      return cached.entries;
    }
    const entries = new Map((await db.digests.toArray()).map((d) => [d.householdId, parse(d)]));
    // A database without the marker (nothing written since it was created) is not cached.
    if (stored) caches.set(db, { ...stored, entries });
    else caches.delete(db);
    return entries;
  });
