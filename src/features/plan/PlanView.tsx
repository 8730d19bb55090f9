import { useTranslation } from 'react-i18next';
import type { Plan } from '../../core';
import { useFormat } from '../../ui/format';

/** One revision of a plan, read-only. */
export const PlanView = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <div className="plan" data-testid="plan">
      <p className="muted small">
        {plan.clientAgreed ? t('plan.agreed') : t('plan.notAgreed')}
        {plan.reviewDate ? ` · ${t('plan.review', { date: date(plan.reviewDate) })}` : ''}
      </p>
      {plan.goals.map((g) => (
        <section key={g.id} className="plan__goal">
          <h3>
            <span className="chip chip--plain">{t(`enums.area.${g.area}`)}</span> {g.text}
          </h3>
          {g.steps.length === 0 ? (
            <p className="muted small">{t('plan.noSteps')}</p>
          ) : (
            <ul className="plan__steps">
              {g.steps.map((s) => (
                <li key={s.id} className={s.done ? 'is-done' : ''}>
                  <span aria-hidden="true">{s.done ? '☑' : '☐'}</span> {s.what}
                  <span className="muted small">
                    {s.who ? ` · ${s.who}` : ''}
                    {s.due ? ` · ${date(s.due)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {plan.evaluation && (
        <>
          <h3>{t('plan.evaluation')}</h3>
          <p className="note">{plan.evaluation}</p>
        </>
      )}
    </div>
  );
};
