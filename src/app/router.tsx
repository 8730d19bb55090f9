import { createBrowserRouter } from 'react-router';
import { AdminPage } from '../features/admin/AdminPage';
import { AgendaPage } from '../features/agenda/AgendaPage';
import { ContactFormPage } from '../features/contact/ContactFormPage';
import { EditEnrolmentPage, NewEnrolmentPage } from '../features/enrolment/EnrolmentFormPage';
import { HouseholdFormPage } from '../features/household/HouseholdFormPage';
import { HouseholdPage } from '../features/household/HouseholdPage';
import { PlanFormPage } from '../features/plan/PlanFormPage';
import { PlanPage } from '../features/plan/PlanPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { PrivacyPage } from '../features/privacy/PrivacyPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncIssuesPage } from '../features/supervision/SyncIssuesPage';
import { HomeRoute } from './HomeRoute';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export const createAppRouter = () =>
  createBrowserRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <HomeRoute /> },
        { path: 'agenda', element: <AgendaPage /> },
        { path: 'households/new', element: <HouseholdFormPage /> },
        { path: 'households/:id', element: <HouseholdPage /> },
        { path: 'households/:id/edit', element: <HouseholdFormPage /> },
        { path: 'households/:householdId/enrolments/new', element: <NewEnrolmentPage /> },
        { path: 'households/:householdId/contacts/new', element: <ContactFormPage /> },
        { path: 'households/:householdId/contacts/:contactId/amend', element: <ContactFormPage /> },
        { path: 'enrolments/:id/edit', element: <EditEnrolmentPage /> },
        { path: 'enrolments/:id/plan', element: <PlanPage /> },
        { path: 'enrolments/:id/plan/edit', element: <PlanFormPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'admin', element: <AdminPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'supervision', element: <SyncIssuesPage /> },
        { path: 'privacy', element: <PrivacyPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
