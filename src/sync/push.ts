import { MAX_PUSH_BATCH, MAX_PUSH_BYTES, type PushMutation, type PushResult } from '../core';
import { noticeRows, type SyncNotice } from '../data/sync-notices';
import { decodeValue } from '../data/crypto/vault';
import type { OutboxEntry, TerenDb } from '../data/db';
import type { ApiClient } from './api-client';

/**
 * What the worker must be told of these answers: their value that lost to a colleague's later
 * edit, and a change held for the supervisor because the case moved meanwhile.
 */
const noticesOf = (sent: readonly PushMutation[], results: ReadonlyMap<string, PushResult>) => {
  const at = new Date().toISOString();
  return sent.flatMap((m): SyncNotice[] => {
    const result = results.get(m.mutationId);
    const householdId = String(m.type === 'household' ? m.record.id : m.record.householdId);
    const recordType = m.type;
    if (result?.code === 'quarantined') {
      const { at: when = m.record.createdAt, minutes } = m.record as {
        at?: string;
        minutes?: number;
      };
      return [
        {
          kind: 'held',
          householdId,
          recordType,
          when: String(when),
          at,
          ...(typeof minutes === 'number' ? { minutes } : {}),
        },
      ];
    }
    return (result?.lost ?? []).map((field) => ({
      kind: 'replaced',
      householdId,
      recordType,
      recordId: String(m.record.id),
      field,
      mine: m.record[field],
      at,
    }));
  });
};

export type Counts = {
  applied: number;
  rejected: number;
  conflicts: number;
  /** The records whose changes the server took: what the pull after brings back is ours. */
  sentIds: Set<string>;
};

/** The next entries to send, oldest first, decoded (refused ones wait for the worker). */
const nextBatch = async (db: TerenDb) => {
  const batch: OutboxEntry[] = await db.outbox
    .orderBy('seq')
    .filter((e) => !e.rejected)
    .limit(MAX_PUSH_BATCH)
    .toArray();
  const mutations: PushMutation[] = await Promise.all(
    batch.map(async (e) => ({
      mutationId: e.mutationId,
      type: e.recordType,
      record: await decodeValue<Record<string, unknown>>(e.record),
      base: (await decodeValue<Record<string, unknown> | null>(e.base ?? null)) ?? null,
      ...(e.hlc ? { hlc: e.hlc } : {}),
    })),
  );
  return { batch, mutations };
};

/** How many of the mutations fit in one request: few round trips, never a body refused. */
const fitting = (mutations: readonly PushMutation[]) => {
  let bytes = 0;
  let fits = 0;
  while (fits < mutations.length) {
    bytes += JSON.stringify(mutations[fits]).length;
    if (fits > 0 && bytes > MAX_PUSH_BYTES) break;
    fits++;
  }
  return fits;
};

/** The server's answer to one entry, kept in the outbox; what it adds to the counts. */
const settle = async (db: TerenDb, entry: OutboxEntry, result: PushResult, counts: Counts) => {
  const seq = entry.seq as number;
  if (result.status === 'applied') {
    await db.outbox.delete(seq);
    counts.applied++;
    counts.sentIds.add(entry.recordId);
    if (result.conflicts?.length) counts.conflicts++;
  } else if (result.code === 'quarantined') {
    // The server keeps it for a supervisor: safe to let go here.
    await db.outbox.delete(seq);
    counts.rejected++;
  } else {
    await db.outbox.update(seq, {
      rejected: result.code ?? 'invalid',
      ...(result.reason ? { reason: result.reason } : {}),
    });
    counts.rejected++;
  }
};

/** One request: sent, then its answers and notices stored in one transaction. */
const pushBatch = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  batch: readonly OutboxEntry[],
  sent: readonly PushMutation[],
  counts: Counts,
) => {
  const { results } = await api.push(token, [...sent]);
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  // Sealed before the transaction: a WebCrypto promise inside one would end it.
  const notices = await noticeRows(noticesOf(sent, byId));
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.meta.bulkPut(notices);
    for (const entry of batch) {
      const result = byId.get(entry.mutationId);
      // Not answered: it stays, and is sent again next time.
      if (result) await settle(db, entry, result, counts);
    }
  });
};

/**
 * Sends the outbox in order, in batches. An entry leaves the outbox only after the server
 * has committed it (or had already: a retry gets the stored result). A refused entry is
 * marked and kept, so it neither blocks the rest nor disappears.
 */
export const pushAll = async (
  db: TerenDb,
  api: ApiClient,
  token: string,
  onProgress: (sent: number) => void = () => undefined,
): Promise<Counts> => {
  const counts: Counts = { applied: 0, rejected: 0, conflicts: 0, sentIds: new Set() };
  for (;;) {
    const { batch, mutations } = await nextBatch(db);
    if (batch.length === 0) return counts;
    const fits = fitting(mutations);
    const before = counts.applied + counts.rejected;
    await pushBatch(db, api, token, batch.slice(0, fits), mutations.slice(0, fits), counts);
    onProgress(counts.applied + counts.rejected);
    // An answer that settles nothing would send the same batch forever: stop, retry later.
    if (counts.applied + counts.rejected === before) return counts;
  }
};
