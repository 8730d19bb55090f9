import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { SyncIndicator } from '../../../src/features/sync/SyncIndicator';
import { useSyncStatus } from '../../../src/sync/status-store';
import { aHousehold, aPerson } from '../../factories/records';
import { renderScreen, resetAppDb } from './render';

beforeEach(() => {
  useSyncStatus.setState({
    online: true,
    phase: 'idle',
    received: 0,
    history: false,
    lastSyncAt: null,
    last: null,
    error: null,
  });
});
afterEach(resetAppDb);

describe('SyncIndicator', () => {
  it('says offline, how many changes wait and how many the server refused', async () => {
    useSyncStatus.setState({ online: false });
    const h = aHousehold();
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'household', { ...h, label: 'Druhá verze' });
    await saveWithOutbox(getDb(), 'person', aPerson(h.id));
    await getDb().outbox.add({
      mutationId: 'm',
      recordType: 'person',
      recordId: 'x',
      record: {},
      createdAt: '',
      rejected: 'forbidden',
    });
    renderScreen(<SyncIndicator />);
    expect(screen.getByText('Offline')).toBeTruthy();
    expect((await screen.findByTestId('pending-count')).textContent).toBe('3 neodeslané změny');
    expect(screen.getByTestId('rejected-count').textContent).toBe('1 změnu server odmítl');
  });

  it('shows progress of a running sync and plain Czech errors', () => {
    useSyncStatus.setState({ phase: 'syncing', received: 2000 });
    renderScreen(<SyncIndicator />);
    expect(screen.getByText('Přijato 2000 záznamů')).toBeTruthy();
    // A first sync's older visits: the caseload is already complete.
    act(() => useSyncStatus.setState({ history: true, received: 2500 }));
    expect(screen.getByText('Starší návštěvy… 2500')).toBeTruthy();
    act(() => useSyncStatus.setState({ phase: 'error', error: 'update_required' }));
    expect(screen.getByText(/Tato verze aplikace je zastaralá/)).toBeTruthy();
  });

  it('says what the last sync sent and received, and nothing after one that did nothing', () => {
    useSyncStatus.setState({
      lastSyncAt: '2026-12-03T12:54:00.000Z',
      last: { sent: 7, received: 6 },
    });
    renderScreen(<SyncIndicator />);
    expect(screen.getByTestId('last-sync-counts').textContent).toBe('odesláno 7 · přijato 6');
    act(() => useSyncStatus.setState({ last: { sent: 0, received: 0 } }));
    expect(screen.queryByTestId('last-sync-counts')).toBeNull();
  });

  it('syncs now when tapped', async () => {
    const syncNow = vi.fn(async () => undefined);
    renderScreen(<SyncIndicator />, { syncNow });
    await userEvent.click(screen.getByTestId('sync-indicator'));
    expect(syncNow).toHaveBeenCalledOnce();
  });
});
