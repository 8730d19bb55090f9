import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aStoredSession } from '../../factories/session';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { saveSession } from '../../../src/data/session';
import { createApiClient } from '../../../src/sync/api-client';
import { startSyncRunner, type SyncRunner } from '../../../src/sync/sync-runner';
import { useSyncStatus } from '../../../src/sync/status-store';
import { aHousehold } from '../../factories/records';

let db: TerenDb;
let runner: SyncRunner | undefined;
beforeEach(async () => {
  db = new TerenDb(`runner-${Math.random()}`);
  await saveSession(db, aStoredSession());
  await saveWithOutbox(db, 'household', aHousehold());
});
afterEach(async () => {
  runner?.stop();
  db.close();
  await Dexie.delete(db.name);
});

/** Every request is answered with this status, body and content type. */
const answering = (status: number, body: string, type: string) =>
  createApiClient(
    'http://server.invalid',
    async () => new Response(body, { status, headers: { 'content-type': type } }),
  );

const runWith = async (api: ReturnType<typeof createApiClient>) => {
  const events = { onRevoked: vi.fn(), onSessionExpired: vi.fn() };
  runner = startSyncRunner(db, api, events);
  await runner.syncNow();
  return events;
};

const problem = (status: number, code: string) =>
  JSON.stringify({ type: `https://teren.invalid/problems/${code}`, title: code, status, code });

/** Only the server's explicit revocation wipes; any other 403 keeps the outbox. */
describe('sync runner and revocation', () => {
  it.each([
    ['a proxy\u2019s HTML 403 page', answering(403, '<html>Forbidden</html>', 'text/html')],
    [
      'a 403 problem without the revocation code',
      answering(403, problem(403, 'forbidden'), 'application/problem+json'),
    ],
    [
      'a captive portal\u2019s 200 HTML page',
      answering(200, '<html>Přihlaste se k Wi-Fi</html>', 'text/html'),
    ],
  ])('treats %s as an error to retry, the outbox kept', async (_, api) => {
    const events = await runWith(api);
    expect(events.onRevoked).not.toHaveBeenCalled();
    expect(useSyncStatus.getState().phase).toBe('error');
    expect(await db.outbox.count()).toBe(1);
  });

  it('wipes only on the server\u2019s revocation code', async () => {
    const events = await runWith(
      answering(403, problem(403, 'revoked'), 'application/problem+json'),
    );
    // With how many changes were unsent, counted before the answer could clear the storage.
    expect(events.onRevoked).toHaveBeenCalledWith(1);
    expect(useSyncStatus.getState().error).toBe('revoked');
  });

  it('tells a newer app than the server apart from an outdated one', async () => {
    const events = await runWith(
      answering(400, problem(400, 'protocol_unsupported'), 'application/problem+json'),
    );
    expect(events.onRevoked).not.toHaveBeenCalled();
    expect(useSyncStatus.getState().error).toBe('protocol_unsupported');
    expect(await db.outbox.count()).toBe(1);
  });
});
