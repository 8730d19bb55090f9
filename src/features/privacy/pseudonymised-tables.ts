import type { TFunction } from 'i18next';
import type { PseudonymisedExport } from '../../core';
import type { ReportTable } from '../../ui/download';

/** A column of a sheet: its header (a code, the same in every language) and its cell. */
type Column<T> = readonly [string, (row: T) => string | number];

const sheet = <T>(
  key: string,
  title: string,
  rows: readonly T[],
  columns: readonly Column<T>[],
): ReportTable => ({
  key,
  title,
  header: columns.map(([header]) => header),
  rows: rows.map((row) => columns.map(([, cell]) => cell(row))),
});

type Export = PseudonymisedExport;

const PEOPLE: readonly Column<Export['people'][number]>[] = [
  ['person', (p) => p.person],
  ['household', (p) => p.household],
  ['age_band', (p) => p.ageBand],
  ['relation', (p) => p.relation],
];

const ENROLMENTS: readonly Column<Export['enrolments'][number]>[] = [
  ['enrolment', (e) => e.enrolment],
  ['household', (e) => e.household],
  ['programme', (e) => e.programme],
  ['district', (e) => e.district],
  ['locality_kind', (e) => e.localityKind],
  ['worker', (e) => e.worker],
  ['start_date', (e) => e.startDate],
  ['status', (e) => e.status],
  ['closed_on', (e) => e.closedOn ?? ''],
  ['close_reason', (e) => e.closeReason ?? ''],
];

const CONTACTS: readonly Column<Export['contacts'][number]>[] = [
  ['household', (c) => c.household],
  ['date', (c) => c.date],
  ['kind', (c) => c.kind],
  ['minutes', (c) => c.minutes],
  ['enrolments', (c) => c.enrolments.join(' ')],
  ['participants', (c) => c.participants.join(' ')],
  ['topics', (c) => c.topics.join(' ')],
  ['interventions', (c) => c.interventions.join(' ')],
  ['worker', (c) => c.worker],
];

/** The evaluators' export as sheets: people, enrolments, contacts; codes, not translations. */
export const pseudonymisedTables = (t: TFunction, d: PseudonymisedExport): ReportTable[] => [
  sheet('people', t('privacy.sheets.people'), d.people, PEOPLE),
  sheet('enrolments', t('privacy.sheets.enrolments'), d.enrolments, ENROLMENTS),
  sheet('contacts', t('privacy.sheets.contacts'), d.contacts, CONTACTS),
];
