import { createBrowserRouter } from 'react-router';
import { AgendaPage } from '../features/agenda/AgendaPage';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { HouseholdPage } from '../features/household/HouseholdPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export const createAppRouter = () =>
  createBrowserRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <CaseloadPage /> },
        { path: 'agenda', element: <AgendaPage /> },
        { path: 'households/:id', element: <HouseholdPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
