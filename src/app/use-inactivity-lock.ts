import { DEFAULT_DEVICE_POLICY } from '../core';
import { useEffect } from 'react';

/**
 * Locks the app after a quiet spell. Time is measured by the clock, not by a timer that a
 * sleeping tablet would pause: on waking, an app left long enough locks at once.
 */
export const useInactivityLock = (
  active: boolean,
  lock: () => void,
  minutes = DEFAULT_DEVICE_POLICY.inactivityMinutes,
) => {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const check = () => {
      if (Date.now() - last >= minutes * 60_000) lock();
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, 15_000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [active, lock, minutes]);
};
