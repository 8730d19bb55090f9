import { useTranslation } from 'react-i18next';
import { usePlanForks } from '../../data/hooks';
import { Link } from '../../ui/routing';
import { PlanForkCompare } from '../../widgets/plan/PlanForkCompare';
import { useProgrammes } from '../../widgets/programmes';

/** Plans edited on two devices that the server could not merge, each with both versions. */
export const PlanForksCard = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const forks = usePlanForks();
  return (
    <section className="card" data-testid="plan-forks">
      <h2>{t('planFork.title')}</h2>
      {!forks || forks.length === 0 ? (
        <p className="empty">{t('planFork.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('planFork.intro')}</p>
          <ul className="plain-list issue-list">
            {forks.map((f) => (
              <li key={f.enrolment.id} className="issue">
                <p>
                  <Link to={`/enrolments/${f.enrolment.id}/plan`}>
                    <strong>{f.household.label}</strong>
                  </Link>{' '}
                  · {programmes.name(f.enrolment.programme)}
                </p>
                <PlanForkCompare
                  versions={f.versions}
                  people={f.people}
                  nextRevision={f.nextRevision}
                  enrolmentId={f.enrolment.id}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
