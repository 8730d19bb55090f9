import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncIssues } from '../../../src/core';
import { getDb } from '../../../src/data/db';
import { SyncIssuesPage } from '../../../src/features/supervision/SyncIssuesPage';
import { createApiClient } from '../../../src/sync/api-client';
import { aContact, aHousehold, anEnrolment } from '../../factories/records';
import { aSession, renderScreen, resetAppDb } from './render';

const household = aHousehold({ label: 'Dvořákovi' });
const enrolment = anEnrolment(household.id);
const worker = '00000000-0000-4000-8000-0000000000a2';
const session = {
  ...aSession({ role: 'supervisor' }),
  team: [{ id: worker, name: 'Pracovnice Druhá', role: 'worker' as const }],
};

/** A fake server holding one conflict and one held-back contact, answering as the real one. */
const fakeServer = () => {
  let issues: SyncIssues = {
    conflicts: [
      {
        id: '7',
        recordId: household.id,
        recordType: 'household',
        householdId: household.id,
        field: 'note',
        losing: 'Dluh u dodavatele energie',
        current: 'Bez dluhů',
        userId: worker,
        createdAt: '2026-11-20T09:00:00.000Z',
      },
    ],
    quarantine: [
      {
        id: '3',
        recordType: 'contact',
        householdId: household.id,
        record: aContact(household.id, enrolment.id, { kind: 'home_visit', minutes: 45 }),
        userId: worker,
        createdAt: '2026-11-21T09:00:00.000Z',
      },
    ],
  };
  const calls: string[] = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url).replace('http://test.invalid', '');
    calls.push(`${init?.method ?? 'GET'} ${path} ${String(init?.body ?? '')}`.trim());
    if (path.startsWith('/api/supervision/conflicts/7/resolve'))
      issues = { ...issues, conflicts: [] };
    if (path.startsWith('/api/supervision/quarantine/3/resolve'))
      issues = { ...issues, quarantine: [] };
    const body = path.startsWith('/api/supervision/issues') ? issues : { ok: true };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { api: createApiClient('http://test.invalid', fetchImpl as typeof fetch), calls };
};

beforeEach(async () => {
  await getDb().households.put(household);
});
afterEach(resetAppDb);

describe('SyncIssuesPage', () => {
  it('shows what lost and what stands in words, and puts the lost value back', async () => {
    const { api, calls } = fakeServer();
    const syncNow = vi.fn(async () => undefined);
    renderScreen(<SyncIssuesPage />, { api, session, syncNow });
    const conflicts = await screen.findByTestId('conflicts');
    expect(await within(conflicts).findByText('Dvořákovi')).toBeTruthy();
    expect(within(conflicts).getByText(/Poznámka/)).toBeTruthy();
    expect(within(conflicts).getByText('Bez dluhů')).toBeTruthy();
    expect(within(conflicts).getByText('Dluh u dodavatele energie')).toBeTruthy();
    expect(within(conflicts).getByText(/Pracovnice Druhá/)).toBeTruthy();
    await userEvent.click(within(conflicts).getByRole('button', { name: 'Vrátit přepsanou' }));
    expect(await screen.findByText('Žádné přepsané hodnoty.')).toBeTruthy();
    expect(calls).toContain('POST /api/supervision/conflicts/7/resolve {"action":"restore"}');
    expect(syncNow).toHaveBeenCalled();
  });

  it('describes a held-back contact and applies it', async () => {
    const { api, calls } = fakeServer();
    renderScreen(<SyncIssuesPage />, { api, session });
    const held = await screen.findByTestId('quarantine');
    expect(within(held).getByText(/Návštěva v domácnosti · 45 min/i)).toBeTruthy();
    await userEvent.click(within(held).getByRole('button', { name: 'Použít změnu' }));
    expect(await screen.findByText('Žádné odložené změny.')).toBeTruthy();
    expect(calls).toContain('POST /api/supervision/quarantine/3/resolve {"action":"apply"}');
  });

  it('shows the total and loads the next page after what is shown', async () => {
    const conflict = (id: string, losing: string) => ({
      id,
      recordId: household.id,
      recordType: 'household' as const,
      householdId: household.id,
      field: 'note',
      losing,
      current: 'Bez dluhů',
      userId: worker,
      createdAt: '2026-11-20T09:00:00.000Z',
    });
    const asked: string[] = [];
    const fetchImpl = vi.fn(async (url: string | URL | Request) => {
      const query = new URL(String(url)).searchParams;
      asked.push(query.get('conflictsAfter') ?? '');
      const after = query.get('conflictsAfter');
      const body: SyncIssues = {
        conflicts: [after === '7' ? conflict('9', 'Druhá stránka') : conflict('7', 'První')],
        quarantine: [],
        totals: { conflicts: 2, quarantine: 0 },
      };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const api = createApiClient('http://test.invalid', fetchImpl as typeof fetch);
    renderScreen(<SyncIssuesPage />, { api, session });
    expect(await screen.findByText('Přepsané hodnoty (2)')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Načíst další (zbývá 1)' }));
    expect(await screen.findByText('Druhá stránka')).toBeTruthy();
    expect(screen.getByText('První')).toBeTruthy();
    expect(asked).toEqual(['', '7']);
    expect(screen.queryByRole('button', { name: /Načíst další/ })).toBeNull();
  });

  it('says a connection is needed when offline', async () => {
    const api = createApiClient('http://test.invalid', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    renderScreen(<SyncIssuesPage />, { api, session });
    expect(
      await screen.findByText('Tento seznam je na serveru; je potřeba připojení.'),
    ).toBeTruthy();
  });
});
