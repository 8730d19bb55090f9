/**
 * The stores of every device database version ever released, as those app versions declared
 * them: the app itself no longer declares the versions that were folded (src/data/schema.ts),
 * and an upgrade must still start from each.
 */
export const RELEASED_STORES: readonly {
  version: number;
  stores: Record<string, string | null>;
}[] = [
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
    version: 2,
    stores: { contacts: 'id, householdId, at, [householdId+at]', drafts: 'key, updatedAt' },
  },
  { version: 3, stores: { audit: 'id, at' } },
  { version: 4, stores: { planReviews: 'id, householdId, enrolmentId, planId' } },
  { version: 5, stores: { digests: 'householdId' } },
  { version: 6, stores: { digests: 'householdId, gen' } },
  { version: 7, stores: { snapshots: 'key' } },
  { version: 8, stores: { unread: 'id, householdId' } },
];
