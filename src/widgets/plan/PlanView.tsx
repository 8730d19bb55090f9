import { useTranslation } from 'react-i18next';
import type { Person, Plan } from '../../core';
import { useFormat } from '../../ui/format';

type Step = Plan['goals'][number]['steps'][number];

/** One step: a checkbox when it may be ticked from here, else a mark. */
const StepLine = ({
  step,
  onTick,
}: {
  step: Step;
  onTick?: ((done: boolean) => void) | undefined;
}) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const details = (
    <span className="muted small">
      {step.who ? ` · ${step.who}` : ''}
      {step.due ? ` · ${date(step.due)}` : ''}
    </span>
  );
  if (!onTick)
    return (
      <li className={step.done ? 'is-done' : ''}>
        <span aria-hidden="true">{step.done ? '☑' : '☐'}</span> {step.what}
        {details}
      </li>
    );
  return (
    <li className={step.done ? 'is-done' : ''}>
      <label className="check check-target">
        <input
          type="checkbox"
          checked={step.done}
          aria-label={t('plan.stepDone', { step: step.what })}
          onChange={(e) => onTick(e.target.checked)}
        />
        <span>
          {step.what}
          {details}
        </span>
      </label>
    </li>
  );
};

/** One revision of a plan; its steps can be ticked when `onTick` is given (the current one). */
export const PlanView = ({
  plan,
  people,
  onTick,
}: {
  plan: Plan;
  people: readonly Person[];
  onTick?: ((stepId: string, done: boolean) => void) | undefined;
}) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const person = people.find((p) => p.id === plan.personId);
  return (
    <div className="plan" data-testid="plan">
      <p className="muted small" data-testid="plan-for">
        {person
          ? t('plan.forPerson', { name: `${person.firstName} ${person.lastName}` })
          : t('plan.forHousehold')}
        {' · '}
        {plan.clientAgreed ? t('plan.agreed') : t('plan.notAgreed')}
        {plan.reviewDate ? ` · ${t('plan.review', { date: date(plan.reviewDate) })}` : ''}
      </p>
      {onTick && <p className="muted small">{t('plan.tickHint')}</p>}
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
                <StepLine key={s.id} step={s} onTick={onTick && ((done) => onTick(s.id, done))} />
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
