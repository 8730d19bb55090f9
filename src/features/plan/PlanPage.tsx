import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId, nextRevisionNumber, withStepDone, type Plan, type PlanState } from '../../core';
import { getDb } from '../../data/db';
import { saveWithOutbox } from '../../data/outbox';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useServices } from '../../widgets/services';
import { PlanChanges } from '../../widgets/plan/PlanChanges';
import { Link, useParams, useSearchParams } from '../../ui/routing';
import { useEnrolment } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useMemberName } from '../../widgets/team';
import { PlanReviews } from './PlanReviews';
import { PlanForkCompare } from '../../widgets/plan/PlanForkCompare';
import { PlanView } from '../../widgets/plan/PlanView';
import { useProgrammes } from '../../widgets/programmes';

/** Ticking a step from the plan view: a new revision of the current one, saved at once. */
const usePlanTick = () => {
  const { t } = useTranslation();
  const { session } = useServices();
  const [tickError, setTickError] = useState<string | null>(null);
  const tick = (plan: PlanState<Plan>, stepId: string, done: boolean) => {
    if (!plan.current) return;
    setTickError(null);
    const next = withStepDone(plan.current, stepId, done, {
      id: newId(),
      revision: nextRevisionNumber(plan.history),
      authorId: session.user.id,
      now: new Date().toISOString(),
    });
    saveWithOutbox(getDb(), 'plan', next).catch((e: unknown) =>
      setTickError(saveErrorMessage(e, t)),
    );
  };
  return { tick, tickError };
};

/** Every revision, newest first, with who made it; each opens as it was. */
const PlanHistory = ({ enrolmentId, plan }: { enrolmentId: string; plan: PlanState<Plan> }) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const memberName = useMemberName();
  const author = (authorId: string | null) => memberName(authorId, '');
  return (
    <>
      {plan.history.length > 0 && (
        <section className="card">
          <h2>{t('plan.history')}</h2>
          <ol className="plain-list" data-testid="plan-history">
            {plan.history.map((p) => (
              <li key={p.id}>
                <Link to={`/enrolments/${enrolmentId}/plan?rev=${p.id}`}>
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
    </>
  );
};

/** /enrolments/:id/plan: the current plan, its revision history, and 2 versions if any. */
export const PlanPage = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const { date } = useFormat();
  const { tick, tickError } = usePlanTick();
  const { id = '' } = useParams();
  const params = useSearchParams();
  const detail = useEnrolment(id);
  if (detail === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (detail === null) return <p className="page empty">{t('household.notFound')}</p>;
  const { enrolment, household, plan, reviews } = detail;
  const viewingId = params.get('rev');
  const viewing = (viewingId && plan.history.find((p) => p.id === viewingId)) || plan.current;

  return (
    <section className="page">
      <Link to={`/households/${household.id}`} className="back-link">
        <Icon name="back" size={18} /> {household.label}
      </Link>
      <header className="page__header">
        <h1>
          {t('plan.title')}: {programmes.name(enrolment.programme)}
        </h1>
        {!household.anonymised && (
          <Link className="button button--primary" to={`/enrolments/${enrolment.id}/plan/edit`}>
            <Icon name="edit" size={18} /> {plan.current ? t('plan.edit') : t('plan.create')}
          </Link>
        )}
      </header>
      {plan.current && plan.competing.length > 0 && (
        <section className="card">
          <p className="alert" role="alert">
            {t('plan.conflict')}
          </p>
          <PlanForkCompare
            versions={[plan.current, ...plan.competing]}
            people={detail.people}
            nextRevision={nextRevisionNumber(plan.history)}
            enrolmentId={enrolment.id}
          />
        </section>
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
          <PlanView
            plan={viewing}
            people={detail.people}
            onTick={
              viewing === plan.current && plan.competing.length === 0 && !household.anonymised
                ? (step, done) => tick(plan, step, done)
                : undefined
            }
          />
          {tickError && (
            <p className="alert" role="alert">
              {tickError}
            </p>
          )}
          <PlanChanges
            plan={viewing}
            base={plan.history.find((p) => p.id === viewing.basedOn) ?? null}
            people={detail.people}
          />
        </section>
      )}
      {viewing && (
        <PlanReviews plan={viewing} reviews={reviews} isCurrent={viewing === plan.current} />
      )}
      <PlanHistory enrolmentId={enrolment.id} plan={plan} />
    </section>
  );
};
