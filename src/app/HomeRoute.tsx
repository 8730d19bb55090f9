import { Navigate } from 'react-router';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { useServices } from '../features/services';

/** The first screen by role: admins administer, everyone else starts at the caseload. */
export const HomeRoute = () => {
  const { session } = useServices();
  return session.user.role === 'admin' ? <Navigate to="/admin" replace /> : <CaseloadPage />;
};
