import { expect } from 'vitest';
import { decodeHlc, deepEqual, stableJson, type RecordType } from '../../src/core';
import type { Queryable } from '../../sync-server/db/database';
import type { SimDevice } from './device';

/** One field a device changed in one mutation: what it saw before, what it set, when. */
type FieldEdit = {
  type: RecordType;
  id: string;
  field: string;
  /** The value on the device before the change; absent when the record was created. */
  before?: unknown;
  value: unknown;
  hlc: string;
  mutationId: string;
  /** Stamped more than the server's tolerance ahead of its clock: the server pulls it back. */
  pulledBack: boolean;
};

/**
 * What the people in a history meant, checked against what the server made of it
 * (convergence alone cannot see an edit silently replaced on every device at once). For every
 * field, every acknowledged edit must be the final value, in the conflict log, or knowingly
 * replaced (a later edit made by someone who had seen it); and the final value must be that
 * of the acknowledged edit with the latest clock.
 */
export class IntentLog {
  private readonly edits: FieldEdit[] = [];
  /** Records that only grow (contacts, plan revisions, reviews) by type, as created. */
  readonly appended = new Map<RecordType, Set<string>>();

  /** Notes the fields the device's newest outbox entry for this record changed. */
  async changed(
    d: SimDevice,
    type: RecordType,
    id: string,
    fields: Record<string, { before?: unknown; value: unknown }>,
  ) {
    const entry = await d.db.outbox.where('recordId').equals(id).last();
    if (!entry?.hlc) throw new Error('a change without its outbox entry');
    const pulledBack = decodeHlc(entry.hlc).wall > Date.now() + 60_000;
    for (const [field, change] of Object.entries(fields)) {
      if ('before' in change && deepEqual(change.before, change.value)) continue; // no change
      const { hlc, mutationId } = entry;
      this.edits.push({ type, id, field, ...change, hlc, mutationId, pulledBack });
    }
  }

  appendedOne(type: RecordType, id: string) {
    const set = this.appended.get(type) ?? new Set<string>();
    set.add(id);
    this.appended.set(type, set);
  }

  async check(db: Queryable) {
    const applied = new Set(
      (
        await db.query<{ id: string }>(
          `SELECT mutation_id::text AS id FROM sync_ledger WHERE result ->> 'status' = 'applied'`,
        )
      ).map((r) => r.id),
    );
    const groups = new Map<string, FieldEdit[]>();
    for (const e of this.edits.filter((x) => applied.has(x.mutationId))) {
      const key = `${e.id}/${e.field}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const [key, edits] of groups) await this.checkField(db, key, edits);
  }

  private async checkField(db: Queryable, key: string, edits: FieldEdit[]) {
    const { id, field } = edits[0] as FieldEdit;
    const [row] = await db.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM records WHERE id = $1',
      [id],
    );
    const final = row?.data[field];
    const logged = new Set(
      (
        await db.query<{ v: unknown }>(
          'SELECT losing_value AS v FROM sync_conflicts WHERE record_id = $1 AND field = $2',
          [id, field],
        )
      ).map((r) => stableJson(r.v ?? null)),
    );
    for (const e of edits) {
      // A pulled-back edit's clock became its arrival time, which this log cannot know.
      const replacedKnowingly = edits.some(
        (later) =>
          (later.hlc > e.hlc || e.pulledBack) &&
          'before' in later &&
          deepEqual(later.before, e.value),
      );
      const kept =
        deepEqual(final, e.value) || logged.has(stableJson(e.value ?? null)) || replacedKnowingly;
      expect(kept, `${key}: acknowledged ${stableJson(e.value)} vanished`).toBe(true);
    }
    if (edits.some((e) => e.pulledBack)) return; // its clock was moved: order unknowable here
    // Edits made at the same instant on two devices are ordered by the server's node (the
    // pushing device), which this log does not know: any of them may win.
    const instant = (hlc: string) => hlc.slice(0, hlc.lastIndexOf(':'));
    const last = edits.map((e) => instant(e.hlc)).reduce((a, b) => (b > a ? b : a));
    const latest = edits.filter((e) => instant(e.hlc) === last).map((e) => e.value);
    expect(latest, `${key}: final value is not the latest by clock`).toContainEqual(final);
  }

  /** Every contact, plan revision and review made is on the server or held for a supervisor. */
  async checkAppended(db: Queryable) {
    const server = new Set(
      (await db.query<{ id: string }>('SELECT id::text AS id FROM records')).map((r) => r.id),
    );
    const held = new Set(
      (await db.query<{ id: string }>("SELECT record ->> 'id' AS id FROM sync_quarantine")).map(
        (r) => r.id,
      ),
    );
    for (const [type, ids] of this.appended)
      for (const id of ids) expect(server.has(id) || held.has(id), `${type} ${id} lost`).toBe(true);
  }
}
