import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { noticeRows } from '../../../src/data/sync-notices';
import { SyncChangesPage } from '../../../src/features/sync/SyncChangesPage';
import { createApiClient } from '../../../src/sync/api-client';
import { aContact, aHousehold } from '../../factories/records';
import { renderScreen, resetAppDb } from './render';

const household = aHousehold({ label: 'Novákovi' });
const contact = aContact(household.id, household.id, { note: 'Poznámka z návštěvy', minutes: 50 });

beforeEach(async () => {
  const db = getDb();
  await db.households.put(household);
  await saveWithOutbox(db, 'contact', contact);
  await db.outbox.toCollection().modify({ rejected: 'forbidden', reason: 'worker_mismatch' });
  await db.meta.bulkPut(
    await noticeRows([
      {
        kind: 'held',
        householdId: household.id,
        recordType: 'contact',
        when: '2026-11-30T09:00:00.000Z',
        minutes: 30,
        at: '2026-12-01T08:00:00.000Z',
      },
    ]),
  );
});
afterEach(resetAppDb);

/** A server that takes every hand-over, remembering what it got. */
const handOverServer = () => {
  const got: unknown[] = [];
  const api = createApiClient('http://test.invalid', (async (
    _url: RequestInfo | URL,
    init?: RequestInit,
  ) => {
    got.push(JSON.parse(String(init?.body)));
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  }) as typeof fetch);
  return { api, got };
};

describe('SyncChangesPage', () => {
  it('says in Czech why a change was refused and what it held, and hands it over', async () => {
    const { api, got } = handOverServer();
    const syncNow = vi.fn(async () => undefined);
    renderScreen(<SyncChangesPage />, { api, syncNow });
    const list = await screen.findByTestId('refused');
    expect(within(list).getByText('Kontakt je zapsán na jiného pracovníka.')).toBeTruthy();
    expect(await within(list).findByText('Novákovi')).toBeTruthy();
    expect(within(list).getByText(/Poznámka z návštěvy/)).toBeTruthy();
    await userEvent.click(within(list).getByRole('button', { name: 'Předat vedoucí' }));
    await vi.waitFor(async () => expect(await getDb().outbox.count()).toBe(0));
    expect(got).toEqual([
      expect.objectContaining({
        type: 'contact',
        base: null,
        record: expect.objectContaining({ id: contact.id }),
      }),
    ]);
    expect(syncNow).toHaveBeenCalled();
  });

  it('keeps the change when handing over fails offline, and discards it when asked', async () => {
    const api = createApiClient('http://test.invalid', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    renderScreen(<SyncChangesPage />, { api });
    const list = await screen.findByTestId('refused');
    await userEvent.click(within(list).getByRole('button', { name: 'Předat vedoucí' }));
    expect(await within(list).findByText(/Předání potřebuje připojení/)).toBeTruthy();
    expect(await getDb().outbox.count()).toBe(1);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(within(list).getByRole('button', { name: 'Zahodit' }));
    await vi.waitFor(async () => expect(await getDb().outbox.count()).toBe(0));
  });

  it('tells of a contact waiting for the supervisor until dismissed', async () => {
    renderScreen(<SyncChangesPage />);
    const held = await screen.findByTestId('held');
    expect(within(held).getByText(/čeká na vedoucí: případ byl mezitím předán/)).toBeTruthy();
    await userEvent.click(within(held).getByRole('button', { name: 'Rozumím' }));
    await vi.waitFor(() => expect(screen.queryByTestId('held')).toBeNull());
  });
});
