import { useTranslation } from 'react-i18next';
import type { Role } from '../core';
import { NavLink, Outlet } from 'react-router';
import { useServices } from '../features/services';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { UpdatePrompt } from '../features/update/UpdatePrompt';
import { Icon, type IconName } from '../ui/Icon';

type NavItem = {
  to: string;
  label:
    'nav.caseload' | 'nav.agenda' | 'nav.settings' | 'nav.admin' | 'nav.reports' | 'nav.privacy';
  icon: IconName;
};
const CASEWORK: NavItem[] = [
  { to: '/', label: 'nav.caseload', icon: 'people' },
  { to: '/agenda', label: 'nav.agenda', icon: 'calendar' },
];
const SETTINGS: NavItem = { to: '/settings', label: 'nav.settings', icon: 'settings' };
const ADMIN: NavItem = { to: '/admin', label: 'nav.admin', icon: 'people' };
const REPORTS: NavItem = { to: '/reports', label: 'nav.reports', icon: 'plan' };
const PRIVACY: NavItem = { to: '/privacy', label: 'nav.privacy', icon: 'lock' };

/** Admins administer and managers read reports: they hold no client records. */
const navFor = (role: Role): NavItem[] => {
  switch (role) {
    case 'admin':
      return [ADMIN, SETTINGS];
    case 'manager':
      return [REPORTS, PRIVACY, SETTINGS];
    case 'supervisor':
      return [...CASEWORK, REPORTS, SETTINGS];
    default:
      return [...CASEWORK, SETTINGS];
  }
};

/** Header with the sync status, the page, and navigation: a bottom bar on phones, a rail on tablets. */
export const Shell = () => {
  const { t } = useTranslation();
  const { session } = useServices();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar__brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <span>
            <strong>{t('app.name')}</strong>
            <span className="topbar__user">{session.user.name}</span>
          </span>
        </div>
        <SyncIndicator />
      </header>
      <UpdatePrompt />
      <nav className="nav" aria-label={t('nav.main')}>
        {navFor(session.user.role).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.to === '/'} className="nav__item">
            <Icon name={item.icon} />
            <span>{t(item.label)}</span>
          </NavLink>
        ))}
      </nav>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
};
