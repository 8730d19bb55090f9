import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInactivityLock } from '../../../src/app/use-inactivity-lock';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useInactivityLock', () => {
  it('locks after the quiet spell, not while the user is active', () => {
    const lock = vi.fn();
    renderHook(() => useInactivityLock(true, lock, 1));
    vi.advanceTimersByTime(45_000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(45_000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(lock).toHaveBeenCalled();
  });

  it('does nothing while the app is not open', () => {
    const lock = vi.fn();
    renderHook(() => useInactivityLock(false, lock, 1));
    vi.advanceTimersByTime(10 * 60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});
