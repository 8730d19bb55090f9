/**
 * Every version of the device database, oldest first. Versions are never edited once
 * released: a change is a new entry with an upgrade step, tested in tests/unit/data.
 */
import type { Transaction } from 'dexie';
import { buildDigests } from './digest';

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
    // through a compound index; outbox entries count their failed attempts for back-off.
    version: 2,
    stores: {
      contacts: 'id, householdId, at, [householdId+at]',
      drafts: 'key, updatedAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('outbox')
        .toCollection()
        .modify((entry: { attempts?: number }) => {
          entry.attempts ??= 0;
        });
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
    // What the agenda needs of each household (its recent contacts' and its plans' facts),
    // kept at write time so screens need not read every contact and plan (issue 8).
    version: 5,
    stores: { digests: 'householdId' },
    upgrade: (tx) => buildDigests(tx),
  },
  {
    // Digest rows carry the write that last changed them, so a reader holding them parsed
    // in memory reads only what changed since (digest-cache.ts).
    version: 6,
    stores: { digests: 'householdId, gen' },
  },
  {
    // All parsed digests in one row, so the first screen after the app starts reads one
    // value instead of a row per household (digest-cache.ts).
    version: 7,
    stores: { snapshots: 'key' },
  },
  {
    // Pulled records this app version cannot read (a value or a type from a newer one), kept
    // as received until an update can (issue 17: they were dropped and never came again).
    version: 8,
    stores: { unread: 'id, householdId' },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 1;
