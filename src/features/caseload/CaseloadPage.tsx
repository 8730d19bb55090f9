import { Suspense, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import { useCaseload } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { UrgencyLegend } from '../../ui/status/UrgencyLegend';
import { useServices } from '../../widgets/services';
import { useMemberName } from '../../widgets/team';
import type { CaseloadRow } from '../../data/queries/caseload';
import { lazyScreen } from '../../ui/lazy-screen';
import { activeFilters } from '../../data/queries/caseload-filter';
import { CaseloadList } from './CaseloadList';
import { useCaseloadFilters } from './use-caseload-filters';
import { ComplianceHeatmap } from './ComplianceHeatmap';
import { TeamOverview } from './TeamOverview';

// Both open on a tap: their code stays out of the first load (precached, so offline too).
const QuickContactSheet = lazyScreen(
  () => import('../../widgets/quick-contact/QuickContactSheet'),
  'QuickContactSheet',
);
const CaseloadFilterPanel = lazyScreen(
  () => import('./CaseloadFilterPanel'),
  'CaseloadFilterPanel',
);

export const CaseloadPage = () => {
  const { t } = useTranslation();
  const { session } = useServices();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const isWorker = session.user.role === 'worker';
  const memberName = useMemberName();
  const { filters, set, replace, clear } = useCaseloadFilters(session.user.id);
  const active = activeFilters(filters);
  const [showFilters, setShowFilters] = useState(active > 0);
  const rows = useCaseload({
    workerId: isWorker ? session.user.id : undefined,
    query: deferredQuery,
    filters,
  });
  const filtered = !!query || active > 0;
  // The household whose quick contact is open: kept as it was when opened, so the sheet and
  // its confirmation stay while the list re-sorts under it after the save.
  const [quick, setQuick] = useState<CaseloadRow | null>(null);

  return (
    <section className="page">
      <header className="page__header">
        <h1>{isWorker ? t('caseload.title') : t('caseload.teamTitle')}</h1>
        {rows && <span className="muted">{t('caseload.count', { count: rows.length })}</span>}
        {!isWorker && (
          <Link className="button" to="/supervision">
            {t('syncIssues.open')}
          </Link>
        )}
      </header>
      <div className="toolbar">
        <label className="search">
          <Icon name="search" size={20} />
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('caseload.search')}
            aria-label={t('caseload.search')}
            autoComplete="off"
          />
        </label>
        <button
          type="button"
          className={`button${active ? ' button--active' : ''}`}
          aria-expanded={showFilters}
          aria-label={`${t('caseload.filters.open')}${active ? ` (${active})` : ''}`}
          onClick={() => setShowFilters(!showFilters)}
        >
          <Icon name="filter" size={20} />{' '}
          <span className="hide-narrow">{t('caseload.filters.open')}</span>
          {active > 0 && (
            <span className="count-badge" data-testid="filter-count">
              {active}
            </span>
          )}
        </button>
        <Link
          className="button button--primary"
          to="/households/new"
          aria-label={t('actions.newHousehold')}
        >
          <Icon name="addHome" size={20} />{' '}
          <span className="hide-narrow">{t('actions.newHousehold')}</span>
        </Link>
      </div>
      {showFilters && (
        <Suspense fallback={null}>
          <CaseloadFilterPanel filters={filters} set={set} clear={clear} />
        </Suspense>
      )}
      <UrgencyLegend />
      {rows && !isWorker && !filtered && (
        <TeamOverview
          rows={rows}
          drill={(f) => {
            replace(f);
            setShowFilters(true);
          }}
        />
      )}
      {!isWorker && !filtered && <ComplianceHeatmap />}
      {!rows ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">
          {query
            ? t('caseload.emptySearch', { query })
            : filtered
              ? t('caseload.filters.none')
              : t('caseload.empty')}
        </p>
      ) : (
        <CaseloadList
          rows={rows}
          quickContact={setQuick}
          holderName={isWorker ? undefined : (id) => memberName(id)}
        />
      )}
      {quick && (
        <Suspense fallback={null}>
          <QuickContactSheet
            household={quick.household}
            people={quick.people}
            enrolments={quick.enrolments}
            onClose={() => setQuick(null)}
          />
        </Suspense>
      )}
    </section>
  );
};
