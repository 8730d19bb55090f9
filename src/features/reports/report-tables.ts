import type { TFunction } from 'i18next';
import {
  CLOSE_REASONS,
  type CaseworkReport,
  type IndicatorRow,
  type ReportDimension,
} from '../../core';
import type { ReportTable } from '../../ui/download';

/** Names for ids and codes the report rows carry. */
type Names = {
  worker: (id?: string) => string;
  district: (code?: string) => string;
  programme: (code?: string) => string;
};

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

export const indicatorLabel = (
  t: TFunction,
  dim: ReportDimension,
  r: IndicatorRow,
  names: Names,
): string =>
  dim === 'month'
    ? (r.month ?? '')
    : dim === 'programme'
      ? names.programme(r.programme)
      : dim === 'district'
        ? names.district(r.district)
        : names.worker(r.workerId);

export const indicatorTable = (
  t: TFunction,
  dim: ReportDimension,
  rows: readonly IndicatorRow[],
  names: Names,
): ReportTable => ({
  key: 'indicators',
  title: t('reports.indicators'),
  header: [
    t(`reports.columns.${dim}`),
    t('reports.people'),
    t('reports.contacts'),
    t('reports.hours'),
  ],
  rows: rows.map((r) => [indicatorLabel(t, dim, r, names), r.people, r.contacts, hours(r.minutes)]),
});

type Programme = Names['programme'];

const enrolmentsTable = (t: TFunction, c: CaseworkReport, programme: Programme): ReportTable => ({
  key: 'enrolments',
  title: t('reports.casework.enrolments'),
  header: [
    t('reports.columns.programme'),
    t('reports.casework.opened'),
    t('reports.casework.closed'),
    ...CLOSE_REASONS.map((r) => t(`enums.closeReason.${r}`)),
  ],
  rows: c.enrolments.map((e) => [
    programme(e.programme),
    e.opened,
    e.closed,
    ...CLOSE_REASONS.map((r) => e.reasons[r] ?? 0),
  ]),
});

const plansTable = (t: TFunction, c: CaseworkReport, programme: Programme): ReportTable => ({
  key: 'plans',
  title: t('reports.casework.plans'),
  header: [
    t('reports.columns.programme'),
    t('reports.casework.due'),
    t('reports.casework.onTime'),
    t('reports.casework.late'),
    t('reports.casework.missing'),
    t('reports.casework.onTimeShare'),
  ],
  rows: c.plans.map((p) => [
    programme(p.programme),
    p.due,
    p.onTime,
    p.late,
    p.missing,
    `${percent(p.onTime, p.due)} %`,
  ]),
});

const complianceTable = (t: TFunction, c: CaseworkReport, programme: Programme): ReportTable => ({
  key: 'compliance',
  title: t('reports.casework.compliance'),
  header: [
    t('reports.columns.programme'),
    t('reports.casework.periods'),
    t('reports.casework.met'),
    t('reports.casework.metShare'),
  ],
  rows: c.compliance.map((r) => [
    programme(r.programme),
    r.total,
    r.met,
    `${percent(r.met, r.total)} %`,
  ]),
});

const leasesTable = (t: TFunction, c: CaseworkReport, programme: Programme): ReportTable => ({
  key: 'leases',
  title: t('reports.casework.leases'),
  header: [t('reports.columns.programme'), t('reports.casework.leasesEnding')],
  rows: c.leasesEnding.map((l) => [programme(l.programme), l.count]),
});

const groupsTable = (t: TFunction, c: CaseworkReport): ReportTable => ({
  key: 'groups',
  title: t('reports.casework.groups'),
  header: [t('reports.casework.sessions'), t('reports.casework.groupPeople'), t('reports.hours')],
  rows: [[c.groups.sessions, c.groups.people, hours(c.groups.minutes)]],
});

/** The casework report as tables: each one a question a manager asks. */
export const caseworkTables = (
  t: TFunction,
  c: CaseworkReport,
  programme: Programme,
): ReportTable[] => [
  enrolmentsTable(t, c, programme),
  plansTable(t, c, programme),
  complianceTable(t, c, programme),
  leasesTable(t, c, programme),
  groupsTable(t, c),
];
