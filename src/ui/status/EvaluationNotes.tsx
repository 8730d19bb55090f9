import { useTranslation } from 'react-i18next';
import type { EnrolmentEvaluation } from '../../core';
import { useFormat } from '../format';

/** The small print under a case: next due date, lease countdown, plan state. */
export const EvaluationNotes = ({ evaluation }: { evaluation: EnrolmentEvaluation }) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const notes: { key: string; text: string; tone: 'plain' | 'warn' | 'bad' }[] = [];
  if (evaluation.nextDue && evaluation.urgency !== 'met') {
    notes.push({
      key: 'due',
      text: t('urgency.dueBy', { date: date(evaluation.nextDue) }),
      tone: 'plain',
    });
  }
  const lease = evaluation.lease;
  if (lease?.warning) {
    notes.push({
      key: 'lease',
      text:
        lease.daysLeft < 0
          ? t('urgency.leaseEnded', { date: date(lease.end) })
          : t('urgency.leaseEnds', { count: lease.daysLeft }),
      tone: lease.daysLeft < 8 ? 'bad' : 'warn',
    });
  }
  const plan = evaluation.plan;
  if (plan.status === 'overdue' || plan.status === 'due_soon' || plan.status === 'review_due') {
    notes.push({
      key: 'plan',
      text: t(`urgency.plan.${plan.status}`, { date: plan.due ? date(plan.due) : '' }),
      tone: plan.status === 'overdue' ? 'bad' : 'warn',
    });
  }
  if (notes.length === 0) return null;
  return (
    <span className="eval-notes">
      {notes.map((n) => (
        <span
          key={n.key}
          className={`eval-note eval-note--${n.tone}`}
          data-testid={`note-${n.key}`}
        >
          {n.text}
        </span>
      ))}
    </span>
  );
};
