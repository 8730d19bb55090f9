import { Workbox } from 'workbox-window';
import { useUpdateStore } from '../features/update/update-store';

/**
 * Registers the service worker that keeps the app working offline. A new version waits
 * until the user accepts it in the update prompt; only then does it take over and the page
 * reload, once.
 */
export const registerServiceWorker = () => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    useUpdateStore.setState({
      waiting: true,
      apply: () => {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  void wb.register();
  // Look for a new version whenever the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void wb.update();
  });
};
