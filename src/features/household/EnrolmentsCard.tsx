import { useTranslation } from 'react-i18next';
import { planState } from '../../core';
import type { HouseholdDetail } from '../../data/queries/household';
import { useFormat } from '../../ui/format';
import { Link } from '../../ui/routing';
import { UrgencyLegend } from '../../ui/status/UrgencyLegend';
import { useProgrammes } from '../../widgets/programmes';
import { useMemberName } from '../../widgets/team';
import { EnrolmentStanding } from './EnrolmentStanding';

/** The household's programmes, each with where it stands and why, its plan and its edit. */
export const EnrolmentsCard = ({ detail }: { detail: HouseholdDetail }) => {
  const readOnly = detail.household.anonymised;
  const { t } = useTranslation();
  const { date } = useFormat();
  const programmes = useProgrammes();
  const memberName = useMemberName();
  const { household, enrolments, plans, evaluations } = detail;
  return (
    <section className="card">
      <h2>{t('household.enrolments')}</h2>
      <UrgencyLegend />
      <ul className="plain-list">
        {enrolments.map((e) => {
          const plan = planState(plans.filter((p) => p.enrolmentId === e.id));
          const evaluation = evaluations.get(e.id);
          return (
            <li key={e.id} data-testid="enrolment">
              <span className={`chip chip--${programmes.info(e.programme).colour}`}>
                {programmes.name(e.programme)}
              </span>{' '}
              <span className="muted">
                {t(`enums.status.${e.status}`)} ·{' '}
                {t('household.since', { date: date(e.startDate) })} ·{' '}
                <span data-testid="held-by">
                  {t('caseload.heldBy', { names: memberName(e.workerId) })}
                </span>
              </span>
              {evaluation && <EnrolmentStanding enrolment={e} evaluation={evaluation} />}
              <div className="inline-actions">
                <Link to={`/enrolments/${e.id}/plan`}>
                  {t('actions.plan')}
                  {plan.current
                    ? ` (${t('plan.revision', { n: plan.current.revision })})`
                    : ` – ${t('plan.none')}`}
                </Link>
                {!readOnly && <Link to={`/enrolments/${e.id}/edit`}>{t('actions.edit')}</Link>}
              </div>
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <Link className="button button--small" to={`/households/${household.id}/enrolments/new`}>
          + {t('actions.enrol')}
        </Link>
      )}
    </section>
  );
};
