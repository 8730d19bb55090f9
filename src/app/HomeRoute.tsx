import { Redirect } from 'wouter';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { useServices } from '../widgets/services';

/** The first screen by role: admins administer, managers read reports, others see cases. */
export const HomeRoute = () => {
  const { session } = useServices();
  if (session.user.role === 'admin') return <Redirect to="/admin" replace />;
  if (session.user.role === 'manager') return <Redirect to="/reports" replace />;
  return <CaseloadPage />;
};
