import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordView } from '../../../src/data/audit';
import { TerenDb } from '../../../src/data/db';
import { createApiClient } from '../../../src/sync/api-client';
import { uploadAudit } from '../../../src/sync/upload-audit';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`audit-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('uploadAudit', () => {
  it('sends views recorded offline and forgets only those the server received', async () => {
    await recordView(db, 'household', '00000000-0000-4000-8000-000000000001');
    await recordView(db, 'household', '00000000-0000-4000-8000-000000000002');
    const sent: unknown[] = [];
    const api = createApiClient('http://server.invalid', async (_url, init) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      sent.push(...events);
      return new Response(JSON.stringify({ received: [events[0]?.id] }), { status: 200 });
    });
    expect(await uploadAudit(db, api, 'token-token-token-token')).toBe(2);
    expect(sent).toHaveLength(3);
    expect(await db.audit.count()).toBe(0);
    expect(sent[0]).toMatchObject({ action: 'view', recordType: 'household' });
    expect(Object.keys(sent[0] as object).sort()).toEqual([
      'action',
      'at',
      'id',
      'recordId',
      'recordType',
    ]);
  });
});
