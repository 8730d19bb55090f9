import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseworkReport, IndicatorRow } from '../../core';
import { useDistricts } from '../../widgets/districts';
import { useProgrammes } from '../../widgets/programmes';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction } from '../../widgets/use-server-data';
import { toCsv } from './csv';
import { saveBlob, xlsxBlob, type ReportTable } from '../../ui/download';
import { caseworkTables, indicatorTable } from './report-tables';
import { ReportFilters, type ReportQuery } from './ReportFilters';
import { ReportTableView } from './ReportTableView';
import { TrendChart } from './TrendChart';

type Result = {
  query: ReportQuery;
  rows: IndicatorRow[];
  trend: IndicatorRow[];
  casework: CaseworkReport;
};

/** The indicators by the chosen breakdown, by month for the trend, and the casework tables. */
const useReportTables = (result: Result | null): ReportTable[] => {
  const { t } = useTranslation();
  const districts = useDistricts();
  const programmes = useProgrammes();
  const { session } = useServices();
  if (!result) return [];
  const worker = (id?: string) => session.team.find((m) => m.id === id)?.name ?? id ?? '';
  const names = { worker, district: districts.name, programme: programmes.name };
  return [
    indicatorTable(t, result.query.dim, result.rows, names),
    ...caseworkTables(t, result.casework, programmes.name),
  ];
};

const ReportResults = ({ result, tables }: { result: Result; tables: ReportTable[] }) => {
  const { t } = useTranslation();
  const [indicators, ...casework] = tables;
  if (!indicators) return null;
  return (
    <>
      {result.trend.length > 1 && (
        <section className="card">
          <h2>{t('reports.trend')}</h2>
          <TrendChart rows={result.trend} />
        </section>
      )}
      <section className="card">
        <h2>{indicators.title}</h2>
        {indicators.rows.length === 0 ? (
          <p className="muted">{t('reports.empty')}</p>
        ) : (
          <ReportTableView table={indicators} testId="report" />
        )}
        <p className="muted small">{t('reports.note')}</p>
      </section>
      <section className="card" data-testid="casework">
        <h2>{t('reports.casework.title')}</h2>
        {casework.map((table) => (
          <section key={table.key} className="report-part">
            <h3>{table.title}</h3>
            {table.rows.length === 0 ? (
              <p className="muted small">{t('reports.casework.none')}</p>
            ) : (
              <ReportTableView table={table} testId={`casework-${table.key}`} />
            )}
          </section>
        ))}
      </section>
    </>
  );
};

const fileName = (ext: string, q: ReportQuery) => `teren-prehled-${q.dim}-${q.from}-${q.to}.${ext}`;

type Run = ReturnType<typeof useServerAction>['run'];

/** The indicators table as CSV; all tables as a workbook (its writer loaded when asked for). */
const Downloads = (props: { query: ReportQuery; tables: ReportTable[]; run: Run }) => {
  const { t } = useTranslation();
  const { query, tables } = props;
  const [indicators] = tables;
  if (!indicators) return null;
  const csv = () =>
    saveBlob(
      new Blob([toCsv(indicators.header, indicators.rows)], { type: 'text/csv;charset=utf-8' }),
      fileName('csv', query),
    );
  const xlsx = () =>
    void props.run('xlsx', async () => saveBlob(await xlsxBlob(tables), fileName('xlsx', query)));
  return (
    <>
      <button type="button" className="button" onClick={csv}>
        {t('reports.csv')}
      </button>
      <button type="button" className="button" onClick={xlsx}>
        {t('reports.xlsx')}
      </button>
    </>
  );
};

/** Indicators for managers and supervisors, computed by the server from the records. */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [result, setResult] = useState<Result | null>(null);
  const action = useServerAction();
  const [badPeriod, setBadPeriod] = useState(false);
  const tables = useReportTables(result);
  const error = badPeriod
    ? t('reports.badPeriod')
    : failureText(t, action.failure, 'reports.needsConnection');

  const show = (query: ReportQuery) => {
    const { from, to, dim } = query;
    setBadPeriod(from > to);
    if (from > to) return;
    void action.run('load', async () => {
      const filter = { programme: query.programme, district: query.district };
      const [rows, trend, casework] = await Promise.all([
        api.indicators(session.token, from, to, dim, filter),
        dim === 'month' ? null : api.indicators(session.token, from, to, 'month', filter),
        // The server narrows every casework table, group activities too, by both filters.
        api.casework(session.token, from, to, filter),
      ]);
      setResult({ query, rows, trend: trend ?? rows, casework });
    });
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('reports.title')}</h1>
      </header>
      <ReportFilters loading={action.busy === 'load'} show={show}>
        {result && <Downloads query={result.query} tables={tables} run={action.run} />}
      </ReportFilters>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {result && <ReportResults result={result} tables={tables} />}
    </section>
  );
};
