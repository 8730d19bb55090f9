import { DEFAULT_DEVICE_POLICY } from '../../../src/core';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Route, Router, Switch, useLocation } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { getDb } from '../../../src/data/db';
import { NewEnrolmentPage } from '../../../src/features/enrolment/EnrolmentFormPage';
import { aHousehold } from '../../factories/records';
import { ServicesContext, type Services } from '../../../src/widgets/services';
import { i18n } from '../../../src/i18n/i18n';
import { createApiClient } from '../../../src/sync/api-client';

export const aSession = (over: Partial<Services['session']['user']> = {}): Services['session'] => ({
  token: 'token-token-token-token',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: {
    id: '00000000-0000-4000-8000-0000000000a1',
    name: 'Testovací Pracovnice',
    username: 'test',
    role: 'worker',
    teamId: '00000000-0000-4000-8000-000000000001',
    teamName: 'Tým',
    ...over,
  },
  team: [],
  policy: DEFAULT_DEVICE_POLICY,
});

/** Shows where the app navigated to, for assertions. */
const Where = () => <div data-testid="location">{useLocation()[0]}</div>;

/** Renders a screen as the app does: Czech, a router, and the app services. */
export const renderScreen = (
  ui: ReactNode,
  services: Partial<Services> = {},
  routing: { path: string; url: string } | null = null,
) =>
  render(
    <I18nextProvider i18n={i18n}>
      <ServicesContext.Provider
        value={{
          api: createApiClient('http://test.invalid'),
          session: aSession(),
          syncNow: async () => undefined,
          signOut: async () => undefined,
          ...services,
        }}
      >
        <Router hook={memoryLocation({ path: routing?.url ?? '/' }).hook}>
          {routing ? (
            <Switch>
              <Route path={routing.path}>{ui}</Route>
              <Route>
                <Where />
              </Route>
            </Switch>
          ) : (
            ui
          )}
        </Router>
      </ServicesContext.Provider>
    </I18nextProvider>,
  );

/**
 * Unmounts first (forms flush their drafts on unmount), then empties the app database, so
 * no test sees another's data.
 */
export const resetAppDb = async () => {
  cleanup();
  await getDb().delete();
  await getDb().open();
};

/** The enrolment form of a new household's first enrolment. */
export const openNewEnrolment = async () => {
  const h = aHousehold();
  await getDb().households.put(h);
  renderScreen(
    <NewEnrolmentPage />,
    {},
    {
      path: '/households/:householdId/enrolments/new',
      url: `/households/${h.id}/enrolments/new`,
    },
  );
  return h;
};
