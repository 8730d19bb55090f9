import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { HomeRoute } from './HomeRoute';
import { lazyScreen } from '../ui/lazy-screen';
import { ScreenBoundary } from './ScreenBoundary';
import { NotFoundPage } from './NotFoundPage';

// Every screen but the caseload loads on first use, from the service worker's cache once
// installed: the app starts with what the first screen needs (<= 200 KB of JS).
const named = lazyScreen;
const AgendaPage = named(() => import('../features/agenda/AgendaPage'), 'AgendaPage');
const HouseholdPage = named(() => import('../features/household/HouseholdPage'), 'HouseholdPage');
const HouseholdFormPage = named(
  () => import('../features/household/HouseholdFormPage'),
  'HouseholdFormPage',
);
const ContactFormPage = named(
  () => import('../features/contact/ContactFormPage'),
  'ContactFormPage',
);
const NewEnrolmentPage = named(
  () => import('../features/enrolment/EnrolmentFormPage'),
  'NewEnrolmentPage',
);
const EditEnrolmentPage = named(
  () => import('../features/enrolment/EnrolmentFormPage'),
  'EditEnrolmentPage',
);
const PlanPage = named(() => import('../features/plan/PlanPage'), 'PlanPage');
const PlanFormPage = named(() => import('../features/plan/PlanFormPage'), 'PlanFormPage');
const SettingsPage = named(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const AdminPage = named(() => import('../features/admin/AdminPage'), 'AdminPage');
const ReportsPage = named(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const PrivacyPage = named(() => import('../features/privacy/PrivacyPage'), 'PrivacyPage');
const SyncIssuesPage = named(
  () => import('../features/supervision/SyncIssuesPage'),
  'SyncIssuesPage',
);

const SyncChangesPage = named(() => import('../features/sync/SyncChangesPage'), 'SyncChangesPage');

const Loading = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <ScreenBoundary fallback={<p className="page muted">{t('common.loading')}</p>}>
      {children}
    </ScreenBoundary>
  );
};

/** Every screen of the app by its address; the first match wins. */
export const AppRoutes = () => (
  <Loading>
    <Switch>
      <Route path="/" component={HomeRoute} />
      <Route path="/agenda" component={AgendaPage} />
      <Route path="/households/new" component={HouseholdFormPage} />
      <Route path="/households/:id" component={HouseholdPage} />
      <Route path="/households/:id/edit" component={HouseholdFormPage} />
      <Route path="/households/:householdId/enrolments/new" component={NewEnrolmentPage} />
      <Route path="/households/:householdId/contacts/new" component={ContactFormPage} />
      <Route
        path="/households/:householdId/contacts/:contactId/amend"
        component={ContactFormPage}
      />
      <Route path="/enrolments/:id/edit" component={EditEnrolmentPage} />
      <Route path="/enrolments/:id/plan" component={PlanPage} />
      <Route path="/enrolments/:id/plan/edit" component={PlanFormPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/admin" component={AdminPage} />
      <Route path="/reports" component={ReportsPage} />
      <Route path="/supervision" component={SyncIssuesPage} />
      <Route path="/sync" component={SyncChangesPage} />
      <Route path="/privacy" component={PrivacyPage} />
      <Route component={NotFoundPage} />
    </Switch>
  </Loading>
);
