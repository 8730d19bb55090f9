import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from '../../ui/routing';
import { useEnrolment } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useMemberName } from '../../widgets/team';
import { PlanReviews } from './PlanReviews';
import { PlanView } from './PlanView';
import { useProgrammes } from '../../widgets/programmes';

/** /enrolments/:id/plan: the current plan, its revision history, and 2 versions if any. */
export const PlanPage = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const { date } = useFormat();
  const memberName = useMemberName();
  const { id = '' } = useParams();
  const params = useSearchParams();
  const detail = useEnrolment(id);
  if (detail === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (detail === null) return <p className="page empty">{t('household.notFound')}</p>;
  const { enrolment, household, plan, reviews } = detail;
  const viewingId = params.get('rev');
  const viewing = (viewingId && plan.history.find((p) => p.id === viewingId)) || plan.current;
  const author = (authorId: string | null) => memberName(authorId, '');

  return (
    <section className="page">
      <Link to={`/households/${household.id}`} className="back-link">
        <Icon name="back" size={18} /> {household.label}
      </Link>
      <header className="page__header">
        <h1>
          {t('plan.title')}: {programmes.name(enrolment.programme)}
        </h1>
        <Link className="button button--primary" to={`/enrolments/${enrolment.id}/plan/edit`}>
          <Icon name="edit" size={18} /> {plan.current ? t('plan.edit') : t('plan.create')}
        </Link>
      </header>
      {plan.competing.length > 0 && (
        <p className="alert" role="alert">
          {t('plan.conflict')}
        </p>
      )}
      {!viewing ? (
        <p className="empty">{t('plan.none')}</p>
      ) : (
        <section className="card">
          <h2>{t('plan.revisionOf', { n: viewing.revision, date: date(viewing.createdAt) })}</h2>
          {viewing !== plan.current && (
            <p className="notice">
              {t('plan.viewing')}{' '}
              <Link to={`/enrolments/${enrolment.id}/plan`}>{t('plan.showCurrent')}</Link>
            </p>
          )}
          <PlanView plan={viewing} />
        </section>
      )}
      {viewing && (
        <PlanReviews plan={viewing} reviews={reviews} isCurrent={viewing === plan.current} />
      )}
      {plan.history.length > 0 && (
        <section className="card">
          <h2>{t('plan.history')}</h2>
          <ol className="plain-list" data-testid="plan-history">
            {plan.history.map((p) => (
              <li key={p.id}>
                <Link to={`/enrolments/${enrolment.id}/plan?rev=${p.id}`}>
                  {t('plan.revisionOf', { n: p.revision, date: date(p.createdAt) })}
                </Link>
                <span className="muted small">
                  {author(p.authorId) ? ` · ${author(p.authorId)}` : ''}
                  {p === plan.current ? ` · ${t('plan.current')}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
};
