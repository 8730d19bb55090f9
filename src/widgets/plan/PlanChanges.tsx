import { useTranslation } from 'react-i18next';
import { planChanges, type PlanChange, type Person, type Plan } from '../../core';
import { useFormat } from '../../ui/format';

/** One change in words ("splněno: Platit nájem", "přehodnocení: 1. 3. → 1. 4."). */
const useChangeText = (people: readonly Person[]) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const day = (d: string | null) => (d ? date(d) : t('plan.noDate'));
  const whom = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : t('plan.wholeHousehold');
  };
  return (c: PlanChange): string => {
    switch (c.kind) {
      case 'review_date':
        return t('plan.changes.review_date', { before: day(c.before), after: day(c.after) });
      case 'agreed':
        return t(c.after ? 'plan.changes.agreed_true' : 'plan.changes.agreed_false');
      case 'evaluation':
        return t('plan.changes.evaluation');
      case 'person':
        return t('plan.changes.person', { before: whom(c.before), after: whom(c.after) });
      case 'goal_added':
      case 'goal_removed':
        return t(`plan.changes.${c.kind}`, { goal: c.goal });
      case 'goal_changed':
        return t('plan.changes.goal_changed', { goal: c.goal, before: c.before });
      case 'step_changed':
        return t('plan.changes.step_changed', { step: c.step, before: c.before });
      default:
        return t(`plan.changes.${c.kind}`, { step: c.step });
    }
  };
};

/** What a revision changed against the one it was based on. */
export const PlanChanges = ({
  plan,
  base,
  people,
}: {
  plan: Plan;
  base: Plan | null;
  people: readonly Person[];
}) => {
  const { t } = useTranslation();
  const text = useChangeText(people);
  if (!base) return null;
  const changes = planChanges(base, plan);
  return (
    <section className="plan-changes" data-testid="plan-changes">
      <h3>{t('plan.changesTitle', { n: base.revision })}</h3>
      {changes.length === 0 ? (
        <p className="muted small">{t('plan.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((c, i) => (
            <li key={i}>{text(c)}</li>
          ))}
        </ul>
      )}
    </section>
  );
};
