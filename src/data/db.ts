import { databaseFactory, deleteBucket } from './storage-bucket';
import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Enrolment, Household, Person, Plan, PlanReview, RecordType } from '../core';
import { changeLog, type ChangeEntry } from './read-model/change-log';
import { followCommitted } from './read-model/read-model';
import type { SnapshotEntry } from './read-model/load';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

/** A change waiting to be pushed, written in the same transaction as the record itself. */
export type OutboxEntry = {
  seq?: number;
  /** Client-made id of the mutation: the server applies each exactly once. */
  mutationId: string;
  recordType: RecordType;
  recordId: string;
  /** Plain, so scope changes can tell which household an unsent change belongs to. */
  householdId?: string;
  /** The record (sealed when the device has a keyring). */
  record: Record<string, unknown>;
  /** The record as it was before this change (null when new): the server merges from it. */
  base?: Record<string, unknown> | null;
  /** When the change was made, by this device's hybrid logical clock. */
  hlc?: string;
  createdAt: string;
  /** Set when the server refused the change: kept, shown, and no longer sent. */
  rejected?: string;
  /** Why, finer than the code (REJECT_REASONS), when the server said. */
  reason?: string;
};

export type MetaEntry = { key: string; value: unknown };
/**
 * A pulled record this app version cannot read, as received: sealed, with its household
 * plain so a scope change can remove it. Always newer than what the device holds of it.
 */
export type UnreadEntry = { id: string; type: string; householdId: string; change: unknown };
export type Draft = { key: string; value: unknown; updatedAt: string };
export type AuditEntry = {
  id: string;
  action: 'view' | 'export';
  recordType: RecordType;
  recordId: string;
  at: string;
};

export class TerenDb extends Dexie {
  households!: EntityTable<Household, 'id'>;
  people!: EntityTable<Person, 'id'>;
  enrolments!: EntityTable<Enrolment, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  plans!: EntityTable<Plan, 'id'>;
  planReviews!: EntityTable<PlanReview, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  drafts!: EntityTable<Draft, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  /** Every write to a record table, logged by the middleware below (read-model/change-log.ts). */
  changes!: EntityTable<ChangeEntry, 'seq'>;
  /** What the read model held, for the next start (read-model/snapshot.ts); never the only copy. */
  snapshots!: EntityTable<SnapshotEntry, 'key'>;
  unread!: EntityTable<UnreadEntry, 'id'>;

  /**
   * `versions` is for tests that open the database as a newer app version would; `factory`
   * is where it lives (storage-bucket.ts), the origin's IndexedDB when absent.
   */
  constructor(
    name = 'teren',
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
    readonly factory: IDBFactory | null = null,
  ) {
    super(name, factory ? { indexedDB: factory, IDBKeyRange } : {});
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(
      changeLog(new Set(Object.values(RECORD_TABLES)), (list) => followCommitted(this, list)),
    );
    // Another tab opened a newer version of the app: let it upgrade. This connection closes,
    // and the app's next read fails rather than run old code against a database it no
    // longer understands.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }
}

export const RECORD_TABLES = {
  household: 'households',
  person: 'people',
  enrolment: 'enrolments',
  contact: 'contacts',
  plan: 'plans',
  planReview: 'planReviews',
} as const satisfies Record<RecordType, keyof TerenDb>;

/** Waits for a step of erasing, at most a few seconds, whatever its outcome. */
export const settled = (step: Promise<unknown>) =>
  Promise.race([step.catch(() => undefined), new Promise((r) => setTimeout(r, 3_000))]);

let instance: TerenDb | null = null;
let factory: IDBFactory | null = null;

/** Decides where the app's database lives; called once at start, before `getDb`. */
export const initDb = async (): Promise<void> => {
  factory = await databaseFactory('teren').catch(() => null);
  instance = null;
};

/** The app's database; tests make their own with `new TerenDb(name)`. */
export const getDb = (): TerenDb => (instance ??= new TerenDb('teren', SCHEMA_VERSIONS, factory));

/**
 * Deletes a database with its files: the app's, when in a bucket, by deleting the bucket
 * (storage-bucket.ts). Gives the database to use from now on (the app's is a new one then).
 */
export const eraseDatabase = async (db: TerenDb): Promise<TerenDb> => {
  // The browser may have removed it already (a Clear-Site-Data answer): nothing to wait for.
  await settled(db.delete({ disableAutoOpen: false }));
  if (db !== instance) return db;
  if (db.factory) await settled(deleteBucket());
  // An older install's database was outside a bucket: what comes next goes into one.
  await initDb();
  return getDb();
};
