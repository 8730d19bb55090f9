/**
 * The versions of the device database the app declares, oldest first. Dexie upgrades a
 * database from whatever version it is at by the differences between their stores, running
 * the upgrade steps of the versions it passes; versions that only added caches (5 to 7:
 * household digests, their generations, a snapshot of them) were folded into version 9.
 * Every version ever released is opened and upgraded in tests/unit/data/schema-upgrade.test.ts.
 */
import type { Transaction } from 'dexie';

export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      households: 'id, updatedAt',
      people: 'id, householdId',
      enrolments: 'id, householdId, workerId, status',
      contacts: 'id, householdId, at',
      plans: 'id, householdId, enrolmentId',
      outbox: '++seq, recordId, createdAt',
      meta: 'key',
    },
  },
  {
    // Drafts of forms survive reloads; contacts of a household are read newest first
    // through a compound index.
    version: 2,
    stores: {
      contacts: 'id, householdId, at, [householdId+at]',
      drafts: 'key, updatedAt',
    },
  },
  {
    // Views made on the device, offline too, waiting to be uploaded to the audit log.
    version: 3,
    stores: { audit: 'id, at' },
  },
  {
    // Comments on and sign-offs of plan revisions.
    version: 4,
    stores: { planReviews: 'id, householdId, enrolmentId, planId' },
  },
  {
    // Pulled records this app version cannot read (a value or a type from a newer one), kept
    // as received until an update can (they were once dropped, and never came again).
    version: 8,
    stores: { unread: 'id, householdId' },
  },
  {
    // The read model (src/data/read-model): every write to a record table is logged, and
    // what the read model holds is kept for the next start. The digests go: nothing reads
    // them, and the snapshot of them is of no use to it.
    version: 9,
    stores: { digests: null, changes: '++seq', snapshots: 'key' },
    upgrade: async (tx) => {
      await tx.table('snapshots').clear();
      await tx.table('meta').delete('digests.generation');
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 1;
