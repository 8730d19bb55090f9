import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/core';
import { mergeRecord } from '../../sync-server/sync/merge';

const at = (ms: number, node = 'n') => encodeHlc(ms, 0, node);

/** Applies edits in arrival order, as the server does, and returns the stored record. */
const arrive = (
  start: Record<string, unknown>,
  edits: { base: Record<string, unknown>; record: Record<string, unknown>; hlc: string }[],
) => {
  let server = start;
  let fields: Record<string, string> = Object.fromEntries(
    Object.keys(start).map((k) => [k, at(1)]),
  );
  const losers: unknown[] = [];
  for (const e of edits) {
    const out = mergeRecord(server, e.record, e.base, { fields, incoming: e.hlc });
    server = out.merged;
    fields = out.fields;
    losers.push(...out.conflicts.map((c) => c.losing));
  }
  return { server, losers };
};

describe('field merge by clock', () => {
  it('lets the same value decided later beat an edit made between, arriving last', async () => {
    const start = { note: 'a' };
    // X sets "x" at 10; Z sets "x" again at 30; Y set "y" at 20 but arrives after both.
    const { server, losers } = arrive(start, [
      { base: start, record: { note: 'x' }, hlc: at(10, 'x') },
      { base: start, record: { note: 'x' }, hlc: at(30, 'z') },
      { base: start, record: { note: 'y' }, hlc: at(20, 'y') },
    ]);
    expect(server.note).toBe('x');
    expect(losers).toContain('y');
  });

  it('keeps concurrent edits of different fields and logs the loser of the same field', () => {
    const start = { note: 'a', street: 's' };
    const { server, losers } = arrive(start, [
      { base: start, record: { note: 'b', street: 's' }, hlc: at(20) },
      { base: start, record: { note: 'c', street: 't' }, hlc: at(10) },
    ]);
    expect(server).toEqual({ note: 'b', street: 't' });
    expect(losers).toEqual(['c']);
  });
});
