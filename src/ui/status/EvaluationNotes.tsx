import { useTranslation } from 'react-i18next';
import { daysBetween, pragueDate, type EnrolmentEvaluation } from '../../core';
import { useFormat } from '../format';
import { useRuleWords } from './rule-words';

type Note = { key: string; text: string; tone: 'plain' | 'warn' | 'bad' };
type Part = 'contact' | 'lease' | 'plan';

/** Lateness or the next due date, and the rule with how far it is met this period. */
const useContactNotes = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const words = useRuleWords();
  return (evaluation: EnrolmentEvaluation): Note[] => {
    if (evaluation.urgency === 'met' || evaluation.urgency === 'none') return [];
    const notes: Note[] = [];
    if (evaluation.late) {
      notes.push({ key: 'late', text: words.late(evaluation.late), tone: 'bad' });
    } else if (evaluation.nextDue) {
      const text = t('urgency.dueBy', { date: date(evaluation.nextDue) });
      notes.push({ key: 'due', text, tone: 'plain' });
    }
    const standing = words.standing(evaluation.current);
    if (standing) notes.push({ key: 'rule', text: standing, tone: 'plain' });
    return notes;
  };
};

/** The lease countdown: plain while far, amber in its last month, red in its last week. */
const useLeaseNote = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (lease: EnrolmentEvaluation['lease']): Note[] =>
    lease?.warning
      ? [
          {
            key: 'lease',
            text:
              lease.daysLeft < 0
                ? t('urgency.leaseEnded', { date: date(lease.end) })
                : t('urgency.leaseEnds', { count: lease.daysLeft }),
            tone: lease.daysLeft < 8 ? 'bad' : lease.daysLeft <= 30 ? 'warn' : 'plain',
          },
        ]
      : [];
};

/** Days a plan deadline is past (0 when it is today or still to come). */
const daysPast = (due: string | null) =>
  due ? Math.max(0, daysBetween(due, pragueDate(new Date()))) : 0;

/** The plan: missing or due for review, and how late; red once a month late. */
const usePlanNote = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  return ({ status, due }: EnrolmentEvaluation['plan']): Note[] => {
    if (status !== 'overdue' && status !== 'due_soon' && status !== 'review_due') return [];
    const on = due ? date(due) : '';
    const late = status === 'due_soon' ? 0 : daysPast(due);
    const text =
      late > 0 && status !== 'due_soon'
        ? t(`urgency.planLate.${status}`, { count: late, date: on })
        : t(`urgency.plan.${status}`, { date: on });
    const tone = status === 'overdue' || late > 30 ? 'bad' : 'warn';
    return [{ key: 'plan', text, tone }];
  };
};

/** The small print under a case: why it has its colour, the lease countdown, the plan. */
export const EvaluationNotes = ({
  evaluation,
  parts = ['contact', 'lease', 'plan'],
}: {
  evaluation: EnrolmentEvaluation;
  parts?: readonly Part[];
}) => {
  const contact = useContactNotes();
  const lease = useLeaseNote();
  const plan = usePlanNote();
  const notes = [
    ...(parts.includes('contact') ? contact(evaluation) : []),
    ...(parts.includes('lease') ? lease(evaluation.lease) : []),
    ...(parts.includes('plan') ? plan(evaluation.plan) : []),
  ];
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
