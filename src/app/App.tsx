import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { UnlockPage } from '../features/session/UnlockPage';
import { ServicesContext } from '../widgets/services';
import { i18n } from '../i18n/i18n';
import { createApiClient } from '../sync/api-client';
import { lazyScreen } from '../ui/lazy-screen';
import { registerServiceWorker } from './register-sw';
import { AppRoutes } from './router';
import { ScreenBoundary } from './ScreenBoundary';
import type { Notice } from './session/session-phase';
import { useSession } from './session/use-session';
import { Shell } from './Shell';

// The sign-in form (and the form library under it) loads only when someone signs in.
const LoginPage = lazyScreen(() => import('../features/session/LoginPage'), 'LoginPage');

const api = createApiClient();

const Screens = () => {
  const { t } = useTranslation();
  const { phase, services, login, unlock, switchUser } = useSession(api);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    registerServiceWorker();
    // Ask the browser not to evict our data (Safari deletes it after 7 days otherwise).
    void navigator.storage?.persist?.();
  }, []);
  const text = (notice: Notice) => {
    if (!notice) return null;
    return 'count' in notice ? t(notice.key, { count: notice.count }) : t(notice.key);
  };

  switch (phase.kind) {
    case 'loading':
      return null;
    case 'locked':
      return <UnlockPage userName={phase.userName} onUnlock={unlock} onSwitchUser={switchUser} />;
    case 'signedOut':
      return (
        <ScreenBoundary fallback={null}>
          <LoginPage onLogin={login} notice={text(phase.notice)} />
        </ScreenBoundary>
      );
    case 'open':
      return (
        <ServicesContext.Provider value={services}>
          <Shell>
            <AppRoutes />
          </Shell>
        </ServicesContext.Provider>
      );
  }
};

export const App = () => (
  <I18nextProvider i18n={i18n}>
    <Screens />
  </I18nextProvider>
);
