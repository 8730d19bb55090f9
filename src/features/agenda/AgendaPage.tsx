import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import { addDays, pragueDate, type Enrolment, type EnrolmentEvaluation } from '../../core';
import { useCaseload } from '../../data/hooks';
import type { CaseloadRow } from '../../data/queries/caseload';
import { addressOf, MapLink, PhoneLink } from '../../ui/ContactLinks';
import { useFormat } from '../../ui/format';
import { useDistricts } from '../../widgets/districts';
import { useServices } from '../../widgets/services';
import { useMemberName } from '../../widgets/team';
import { EvaluationNotes } from '../../ui/status/EvaluationNotes';
import { UrgencyLegend } from '../../ui/status/UrgencyLegend';
import { UrgencyBadge } from '../../ui/status/UrgencyBadge';
import { useProgrammes } from '../../widgets/programmes';

type Item = { row: CaseloadRow; enrolment: Enrolment; evaluation: EnrolmentEvaluation };

/** A call and the way there, one tap each, beside the household's name. */
const ReachLinks = ({
  household,
  districtName,
}: {
  household: CaseloadRow['household'];
  districtName: string;
}) => (
  <span className="agenda-item__links">
    <PhoneLink compact phone={household.phone ?? ''} name={household.label} />
    <MapLink compact address={addressOf(household.street, districtName)} />
  </span>
);

const Section = ({
  title,
  empty,
  items,
  testId,
  children,
}: {
  title: string;
  empty: string;
  items: unknown[];
  testId: string;
  children: ReactNode;
}) => (
  <section className="card" data-testid={testId}>
    <h2>
      {title} <span className="muted">({items.length})</span>
    </h2>
    {items.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="plain-list agenda-list">{children}</ul>
    )}
  </section>
);

/**
 * The morning view: who is overdue, who is due this week (most urgent first), leases about
 * to end, plans to draw up, and appointments agreed. Offline, and live as contacts are logged.
 */
export const AgendaPage = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const districts = useDistricts();
  const { ago, date } = useFormat();
  const { session } = useServices();
  const isWorker = session.user.role === 'worker';
  const memberName = useMemberName();
  const rows = useCaseload({ workerId: isWorker ? session.user.id : undefined });
  const today = pragueDate(new Date());

  if (!rows) return <p className="page muted">{t('common.loading')}</p>;
  const items: Item[] = rows.flatMap((row) =>
    row.enrolments.flatMap((enrolment) => {
      const evaluation = row.evaluations.get(enrolment.id);
      return evaluation ? [{ row, enrolment, evaluation }] : [];
    }),
  );
  const byDue = (a: Item, b: Item) =>
    (a.evaluation.nextDue ?? '').localeCompare(b.evaluation.nextDue ?? '');
  const overdue = items.filter((i) => i.evaluation.urgency === 'overdue').sort(byDue);
  const thisWeek = items
    .filter((i) => i.evaluation.urgency === 'at_risk' || i.evaluation.urgency === 'due')
    .filter((i) => !i.evaluation.nextDue || i.evaluation.nextDue <= addDays(today, 7))
    .sort(
      (a, b) =>
        (a.evaluation.urgency === 'at_risk' ? 0 : 1) -
          (b.evaluation.urgency === 'at_risk' ? 0 : 1) || byDue(a, b),
    );
  const leases = items
    .filter((i) => i.evaluation.lease?.warning)
    .sort((a, b) => (a.evaluation.lease?.daysLeft ?? 0) - (b.evaluation.lease?.daysLeft ?? 0));
  // The latest first: a review five months late comes before one due next week.
  const plans = items
    .filter((i) => ['overdue', 'due_soon', 'review_due'].includes(i.evaluation.plan.status))
    .sort((a, b) => (a.evaluation.plan.due ?? '').localeCompare(b.evaluation.plan.due ?? ''));
  const planned = rows
    .filter((r) => r.nextDate && r.nextDate <= addDays(today, 7))
    .sort((a, b) => (a.nextDate ?? '').localeCompare(b.nextDate ?? ''));

  const line = ({ row, enrolment, evaluation }: Item, badge: boolean) => (
    <li key={enrolment.id} className="agenda-item">
      <div className="agenda-item__head">
        <span className="agenda-item__main">
          <Link to={`/households/${row.household.id}`}>{row.household.label}</Link>{' '}
          {badge && <UrgencyBadge urgency={evaluation.urgency} />}
          <span className="muted small">
            {' '}
            {programmes.name(enrolment.programme)} ·{' '}
            {!isWorker && `${t('caseload.heldBy', { names: memberName(enrolment.workerId) })} · `}
            {t('agenda.lastContact', { ago: ago(row.lastContactAt) })}
          </span>
        </span>
        <ReachLinks
          household={row.household}
          districtName={districts.name(row.household.district)}
        />
      </div>
      <EvaluationNotes evaluation={evaluation} />
    </li>
  );

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('agenda.title')}</h1>
        <span className="muted">{date(today)}</span>
      </header>
      <UrgencyLegend />
      {overdue.length === 0 && thisWeek.length === 0 && (
        <p className="notice">{t('agenda.allClear')}</p>
      )}
      <Section
        title={t('agenda.overdue')}
        empty={t('agenda.noneOverdue')}
        items={overdue}
        testId="agenda-overdue"
      >
        {overdue.map((i) => line(i, false))}
      </Section>
      <Section
        title={t('agenda.thisWeek')}
        empty={t('agenda.noneThisWeek')}
        items={thisWeek}
        testId="agenda-week"
      >
        {thisWeek.map((i) => line(i, true))}
      </Section>
      <Section
        title={t('agenda.leases')}
        empty={t('agenda.noneLeases')}
        items={leases}
        testId="agenda-leases"
      >
        {leases.map((i) => line(i, false))}
      </Section>
      <Section
        title={t('agenda.plans')}
        empty={t('agenda.nonePlans')}
        items={plans}
        testId="agenda-plans"
      >
        {plans.map((i) => (
          <li key={i.enrolment.id} className="agenda-item">
            <Link to={`/enrolments/${i.enrolment.id}/plan`}>{i.row.household.label}</Link>{' '}
            <span className="muted small">{programmes.name(i.enrolment.programme)}</span>{' '}
            <EvaluationNotes evaluation={i.evaluation} parts={['plan']} />
          </li>
        ))}
      </Section>
      <Section
        title={t('agenda.planned')}
        empty={t('agenda.nonePlanned')}
        items={planned}
        testId="agenda-planned"
      >
        {planned.map((r) => (
          <li key={r.household.id} className="agenda-item">
            <Link to={`/households/${r.household.id}`}>{r.household.label}</Link>{' '}
            <span className="muted small">
              {t('agenda.agreedFor', { date: date(r.nextDate ?? today) })}
            </span>
          </li>
        ))}
      </Section>
    </section>
  );
};
