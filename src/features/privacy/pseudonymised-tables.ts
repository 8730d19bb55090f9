import type { TFunction } from 'i18next';
import type { PseudonymisedExport } from '../../core';
import type { ReportTable } from '../../ui/download';

/** The evaluators' export as sheets: people, enrolments, contacts; codes, not translations. */
export const pseudonymisedTables = (t: TFunction, d: PseudonymisedExport): ReportTable[] => [
  {
    key: 'people',
    title: t('privacy.sheets.people'),
    header: ['person', 'household', 'age_band', 'relation'],
    rows: d.people.map((p) => [p.person, p.household, p.ageBand, p.relation]),
  },
  {
    key: 'enrolments',
    title: t('privacy.sheets.enrolments'),
    header: [
      'enrolment',
      'household',
      'programme',
      'district',
      'locality_kind',
      'worker',
      'start_date',
      'status',
      'closed_on',
      'close_reason',
    ],
    rows: d.enrolments.map((e) => [
      e.enrolment,
      e.household,
      e.programme,
      e.district,
      e.localityKind,
      e.worker,
      e.startDate,
      e.status,
      e.closedOn ?? '',
      e.closeReason ?? '',
    ]),
  },
  {
    key: 'contacts',
    title: t('privacy.sheets.contacts'),
    header: [
      'household',
      'date',
      'kind',
      'minutes',
      'enrolments',
      'participants',
      'topics',
      'interventions',
      'worker',
    ],
    rows: d.contacts.map((c) => [
      c.household,
      c.date,
      c.kind,
      c.minutes,
      c.enrolments.join(' '),
      c.participants.join(' '),
      c.topics.join(' '),
      c.interventions.join(' '),
      c.worker,
    ]),
  },
];
