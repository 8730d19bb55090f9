import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RetentionList } from '../../../src/core';
import { PrivacyPage } from '../../../src/features/privacy/PrivacyPage';
import { createApiClient } from '../../../src/sync/api-client';
import { aSession, renderScreen } from './render';

const a = '00000000-0000-4000-8000-00000000c001';
const b = '00000000-0000-4000-8000-00000000c002';

/** A server with two cases due, which anonymises what it is asked to, recording requests. */
const fakeServer = () => {
  let list: RetentionList = {
    retentionYears: 10,
    cases: [
      {
        householdId: a,
        label: 'Zkušební A',
        district: 'poruba',
        programmes: ['social_housing'],
        closedOn: '2014-03-01',
        retainUntil: '2024-03-01',
      },
      {
        householdId: b,
        label: 'Zkušební B',
        district: 'vitkovice',
        programmes: ['field_work'],
        closedOn: '2015-06-30',
        retainUntil: '2025-06-30',
      },
    ],
  };
  const posted: unknown[] = [];
  const api = createApiClient('http://server.invalid', async (url, init) => {
    const u = String(url);
    if (u.endsWith('/api/gdpr/anonymise')) {
      const body = JSON.parse(String(init?.body)) as { householdIds: string[] };
      posted.push(body);
      list = {
        ...list,
        cases: list.cases.filter((c) => !body.householdIds.includes(c.householdId)),
      };
      return Response.json({ anonymised: body.householdIds, skipped: [] });
    }
    return Response.json(list);
  });
  return { api, posted };
};

afterEach(() => vi.restoreAllMocks());

describe('PrivacyPage', () => {
  it('anonymises only the chosen cases, after an explicit approval', async () => {
    const { api, posted } = fakeServer();
    renderScreen(<PrivacyPage />, { api, session: aSession({ role: 'manager' }) });
    const table = await screen.findByTestId('retention');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('button', { name: /Anonymizovat/ })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByLabelText('Vybrat případ Zkušební B'));
    await userEvent.click(screen.getByRole('button', { name: 'Anonymizovat vybraný případ' }));
    expect(posted).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Schvaluji anonymizaci 1 případu' }));
    expect(await screen.findByText('Anonymizován 1 případ.')).toBeTruthy();
    expect(posted).toEqual([{ householdIds: [b] }]);
    // The list is read again from the server: the anonymised case is gone from it.
    await waitFor(() =>
      expect(within(screen.getByTestId('retention')).getAllByRole('row')).toHaveLength(2),
    );
  });

  it('can step back from the approval without sending anything', async () => {
    const { api, posted } = fakeServer();
    renderScreen(<PrivacyPage />, { api, session: aSession({ role: 'manager' }) });
    await userEvent.click(await screen.findByLabelText('Vybrat případ Zkušební A'));
    await userEvent.click(screen.getByRole('button', { name: 'Anonymizovat vybraný případ' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zrušit' }));
    expect(screen.queryByRole('button', { name: /Schvaluji/ })).toBeNull();
    expect(posted).toEqual([]);
  });
});
