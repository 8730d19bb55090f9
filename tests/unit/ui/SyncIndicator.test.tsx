import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncIndicator } from '../../../src/features/sync/SyncIndicator';
import { useSyncStatus } from '../../../src/sync/status-store';
import { renderScreen } from './render';

beforeEach(() => {
  useSyncStatus.setState({
    online: true,
    phase: 'idle',
    received: 0,
    lastSyncAt: null,
    pending: 0,
    error: null,
  });
});

describe('SyncIndicator', () => {
  it('says offline and how many changes wait', () => {
    useSyncStatus.setState({ online: false, pending: 3 });
    renderScreen(<SyncIndicator />);
    expect(screen.getByText('Offline')).toBeTruthy();
    expect(screen.getByTestId('pending-count').textContent).toBe('3 neodeslané změny');
  });

  it('shows progress of a running sync and plain Czech errors', () => {
    useSyncStatus.setState({ phase: 'syncing', received: 2000 });
    renderScreen(<SyncIndicator />);
    expect(screen.getByText('Staženo 2000 záznamů')).toBeTruthy();
    act(() => useSyncStatus.setState({ phase: 'error', error: 'update_required' }));
    expect(screen.getByText(/Tato verze aplikace je zastaralá/)).toBeTruthy();
  });

  it('syncs now when tapped', async () => {
    const syncNow = vi.fn(async () => undefined);
    renderScreen(<SyncIndicator />, { syncNow });
    await userEvent.click(screen.getByTestId('sync-indicator'));
    expect(syncNow).toHaveBeenCalledOnce();
  });
});
