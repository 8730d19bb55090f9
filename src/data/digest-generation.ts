import type { Transaction } from 'dexie';
import { newId } from '../core';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

/**
 * Which digests a reader has seen (see digest-cache.ts): stored in `meta` beside them, so
 * every tab and every copy of the app agrees on it.
 */
const GENERATION_KEY = 'digests.generation';

export type Generation = { epoch: string; gen: number };

export const readGeneration = (db: TerenDb) => readMeta<Generation>(db, GENERATION_KEY);

/**
 * The generation to stamp the digest rows written by the caller's transaction with (which
 * must include `meta`). `removed`: rows were deleted, which no index shows; readers start
 * over.
 */
export const nextGeneration = async (db: TerenDb, removed = false): Promise<number> => {
  const { gen, written } = advanceGeneration(db, await readGeneration(db), removed);
  await written;
  return gen;
};

/**
 * The same, from the generation the caller's transaction already read; the write is issued
 * at once, for the caller to await with its own (a chain of native async calls inside a
 * Dexie transaction can outlast its zone, and the transaction commits too early).
 */
export const advanceGeneration = (
  db: TerenDb,
  current: Generation | undefined,
  removed = false,
): { gen: number; written: Promise<unknown> } => {
  const next: Generation = {
    epoch: removed || !current ? newId() : current.epoch,
    gen: (current?.gen ?? 0) + 1,
  };
  return { gen: next.gen, written: writeMeta(db, GENERATION_KEY, next) };
};

/** For the schema upgrade, which has only its transaction. */
export const startGeneration = async (tx: Transaction): Promise<number> => {
  await tx.table('meta').put({ key: GENERATION_KEY, value: { epoch: newId(), gen: 1 } });
  return 1;
};
