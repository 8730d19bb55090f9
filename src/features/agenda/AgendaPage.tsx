import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseload } from '../../data/hooks';
import { daysBetween, pragueDate } from '../../core';
import { useFormat } from '../format';
import { useServices } from '../services';

/**
 * The morning view: what was agreed for today or earlier, then who has waited longest.
 * The contact-frequency rules (due / overdue per programme) refine this ordering.
 */
export const AgendaPage = () => {
  const { t } = useTranslation();
  const { ago, date } = useFormat();
  const { session } = useServices();
  const isWorker = session.user.role === 'worker';
  const rows = useCaseload({ workerId: isWorker ? session.user.id : undefined });
  const today = pragueDate(new Date());

  if (!rows) return <p className="page muted">{t('common.loading')}</p>;
  const planned = rows.filter((r) => r.nextDate && daysBetween(r.nextDate, today) >= 0);
  const longest = rows.slice(0, 10);

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('agenda.title')}</h1>
        <span className="muted">{date(today)}</span>
      </header>
      <section className="card">
        <h2>{t('agenda.planned')}</h2>
        {planned.length === 0 ? (
          <p className="muted">{t('agenda.noneToday')}</p>
        ) : (
          <ul className="plain-list">
            {planned.map((r) => (
              <li key={r.household.id}>
                <Link to={`/households/${r.household.id}`}>{r.household.label}</Link>{' '}
                <span className="muted">
                  {t('agenda.agreedFor', { date: date(r.nextDate ?? today) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('agenda.longest')}</h2>
        <p className="muted small">{t('agenda.rulesNote')}</p>
        <ul className="plain-list" data-testid="agenda-longest">
          {longest.map((r) => (
            <li key={r.household.id}>
              <Link to={`/households/${r.household.id}`}>{r.household.label}</Link>{' '}
              <span className="muted">
                {r.lastContactAt ? ago(r.lastContactAt) : t('agenda.noContactYet')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
};
