/**
 * Chromium's Storage Buckets: a bucket's storage is a directory of its own, which deleting the
 * bucket removes whole. Deleting an IndexedDB database alone can leave its rows in the
 * origin's LevelDB files until some later compaction (seen in Chromium 156), where a copied
 * profile would still hold the wrapped key and the ciphertext.
 */
type Buckets = {
  open(
    name: string,
    options?: { persisted?: boolean; durability?: 'strict' | 'relaxed' },
  ): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
};

const BUCKET = 'teren';

const buckets = (): Buckets | null =>
  typeof navigator !== 'undefined' && 'storageBuckets' in navigator
    ? (navigator as unknown as { storageBuckets: Buckets }).storageBuckets
    : null;

/**
 * Where the app's database lives: the bucket where the browser has them, else (other
 * browsers, tests) the origin's IndexedDB. An install from before buckets keeps its database
 * where it is, unsent work and all, until its first wipe.
 */
export const databaseFactory = async (name: string): Promise<IDBFactory | null> => {
  const b = buckets();
  if (!b) return null;
  const existing = (await indexedDB.databases?.().catch(() => [])) ?? [];
  if (existing.some((d) => d.name === name)) return null;
  // Asks to be kept under storage pressure, as navigator.storage.persist() does for the rest.
  return (await b.open(BUCKET, { persisted: true, durability: 'strict' })).indexedDB;
};

/** Removes the bucket and everything in it, files included. */
export const deleteBucket = async (): Promise<void> => {
  await buckets()?.delete(BUCKET);
};
