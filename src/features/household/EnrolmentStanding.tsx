import { useTranslation } from 'react-i18next';
import type { Enrolment, EnrolmentEvaluation } from '../../core';
import { useFormat } from '../../ui/format';
import { EvaluationNotes } from '../../ui/status/EvaluationNotes';
import { useRuleWords } from '../../ui/status/rule-words';
import { UrgencyBadge } from '../../ui/status/UrgencyBadge';

/** When the next contact is needed, or how late it is. */
const useNextDue = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const words = useRuleWords();
  return (e: EnrolmentEvaluation): string | null =>
    e.late
      ? words.late(e.late)
      : e.nextDue
        ? t('household.standing.dueBy', { date: date(e.nextDue) })
        : null;
};

/** The plan in words: in place (and when to review it), or what is missing and by when. */
const usePlanText = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  return ({ status, due }: EnrolmentEvaluation['plan']): string => {
    const on = due ? date(due) : '';
    switch (status) {
      case 'in_place':
        return due
          ? t('household.standing.planReview', { date: on })
          : t('household.standing.planInPlace');
      case 'pending':
      case 'due_soon':
        return t('household.standing.planPending', { date: on });
      case 'overdue':
        return t('household.standing.planOverdue', { date: on });
      case 'review_due':
        return t('household.standing.planReviewDue', { date: on });
      case 'not_required':
        return t('household.standing.planNotRequired');
    }
  };
};

const PLAN_TONE: Record<EnrolmentEvaluation['plan']['status'], string> = {
  overdue: 'eval-note--bad',
  review_due: 'eval-note--warn',
  due_soon: 'eval-note--warn',
  pending: '',
  in_place: '',
  not_required: '',
};

/** Where one enrolment stands, and why: urgency, rule, next contact, plan and lease. */
export const EnrolmentStanding = ({
  enrolment,
  evaluation,
}: {
  enrolment: Enrolment;
  evaluation: EnrolmentEvaluation;
}) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const words = useRuleWords();
  const nextDue = useNextDue()(evaluation);
  const planText = usePlanText();
  const running = evaluation.current !== null;
  const { lease } = evaluation;
  return (
    <dl className="standing" data-testid="standing">
      <dt>{t('household.standing.state')}</dt>
      <dd>
        <UrgencyBadge urgency={evaluation.urgency} />
      </dd>
      <dt>{t('household.standing.rule')}</dt>
      <dd data-testid="standing-rule">
        {words.standing(evaluation.current) ??
          t(running ? 'household.standing.noRule' : 'household.standing.notRunning')}
      </dd>
      {nextDue && (
        <>
          <dt>{t('household.standing.nextDue')}</dt>
          <dd data-testid="standing-due" className={evaluation.late ? 'eval-note--bad' : ''}>
            {nextDue}
          </dd>
        </>
      )}
      <dt>{t('household.standing.plan')}</dt>
      <dd data-testid="standing-plan" className={PLAN_TONE[evaluation.plan.status]}>
        {planText(evaluation.plan)}
      </dd>
      {enrolment.lease && (
        <>
          <dt>{t('household.standing.lease')}</dt>
          <dd data-testid="standing-lease">
            {enrolment.lease.end
              ? t('household.lease', { flat: enrolment.lease.flat, end: date(enrolment.lease.end) })
              : t('household.leaseOpen', { flat: enrolment.lease.flat })}
            {lease?.warning && <EvaluationNotes evaluation={evaluation} parts={['lease']} />}
          </dd>
        </>
      )}
    </dl>
  );
};
