import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseload } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { useServices } from '../services';
import { CaseloadItem } from './CaseloadItem';

export const CaseloadPage = () => {
  const { t } = useTranslation();
  const { session } = useServices();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const isWorker = session.user.role === 'worker';
  const rows = useCaseload({
    workerId: isWorker ? session.user.id : undefined,
    query: deferredQuery,
  });

  return (
    <section className="page">
      <header className="page__header">
        <h1>{isWorker ? t('caseload.title') : t('caseload.teamTitle')}</h1>
        {rows && <span className="muted">{t('caseload.count', { count: rows.length })}</span>}
      </header>
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
      {!rows ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">
          {query ? t('caseload.emptySearch', { query }) : t('caseload.empty')}
        </p>
      ) : (
        <ul className="case-list" data-testid="caseload">
          {rows.map((row) => (
            <CaseloadItem key={row.household.id} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
};
