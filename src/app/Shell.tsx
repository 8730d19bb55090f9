import { useTranslation } from 'react-i18next';
import type { Role } from '../core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useServices } from '../widgets/services';
import { SyncAttention } from '../features/sync/SyncAttention';
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
export const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { session } = useServices();
  const [location] = useLocation();
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
      <div className="banners">
        <UpdatePrompt />
        {session.user.role === 'worker' || session.user.role === 'supervisor' ? (
          <SyncAttention />
        ) : null}
      </div>
      <nav className="nav" aria-label={t('nav.main')}>
        {navFor(session.user.role).map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className={(active) => (active ? 'nav__item active' : 'nav__item')}
            aria-current={location === item.to ? 'page' : undefined}
          >
            <Icon name={item.icon} />
            <span>{t(item.label)}</span>
          </Link>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
};
