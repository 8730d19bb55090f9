import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../../src/features/update/UpdatePrompt';
import { useUnsavedWork } from '../../../src/ui/unsaved-work';
import { useUpdateStore } from '../../../src/features/update/update-store';
import { renderScreen } from './render';

beforeEach(() => {
  useUnsavedWork.setState({ dirty: new Set() });
  useUpdateStore.setState({ waiting: false, apply: null });
});

describe('UpdatePrompt', () => {
  it('stays hidden until a new version waits', () => {
    renderScreen(<UpdatePrompt />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('applies the update only when the user asks', async () => {
    const apply = vi.fn();
    useUpdateStore.setState({ waiting: true, apply });
    renderScreen(<UpdatePrompt />);
    expect(apply).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Aktualizovat' }));
    expect(apply).toHaveBeenCalledOnce();
  });

  it('never reloads over a form with unsaved typing', async () => {
    const apply = vi.fn();
    useUpdateStore.setState({ waiting: true, apply });
    useUnsavedWork.setState({ dirty: new Set(['contact-form']) });
    renderScreen(<UpdatePrompt />);
    expect(screen.getByText('Nejdřív uložte nebo zahoďte rozepsaný formulář.')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Aktualizovat' });
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(apply).not.toHaveBeenCalled();
    act(() => useUnsavedWork.setState({ dirty: new Set() }));
    expect(screen.getByRole('button', { name: 'Aktualizovat' })).toHaveProperty('disabled', false);
  });
});
