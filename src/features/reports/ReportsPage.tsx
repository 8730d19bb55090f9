import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pragueDate,
  REPORT_DIMENSIONS,
  type CaseworkReport,
  type IndicatorRow,
  type ReportDimension,
} from '../../core';
import { useDistricts } from '../../widgets/districts';
import { useProgrammes } from '../../widgets/programmes';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction } from '../../widgets/use-server-data';
import { toCsv } from './csv';
import { saveBlob, xlsxBlob, type ReportTable } from '../../ui/download';
import { caseworkTables, indicatorTable } from './report-tables';
import { TrendChart } from './TrendChart';

const yearStart = () => `${new Date().getFullYear()}-01-01`;
const today = () => pragueDate(new Date());

type Result = {
  dim: ReportDimension;
  from: string;
  to: string;
  rows: IndicatorRow[];
  trend: IndicatorRow[];
  casework: CaseworkReport;
};

/** Indicators for managers and supervisors, computed by the server from the records. */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const districts = useDistricts();
  const programmes = useProgrammes();
  const { api, session } = useServices();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  const [dim, setDim] = useState<ReportDimension>('month');
  const [programme, setProgramme] = useState('');
  const [district, setDistrict] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const action = useServerAction();
  const [badPeriod, setBadPeriod] = useState(false);
  const loading = action.busy === 'load';
  const error = badPeriod
    ? t('reports.badPeriod')
    : failureText(t, action.failure, 'reports.needsConnection');
  const workerName = (id?: string) => session.team.find((m) => m.id === id)?.name ?? id ?? '';

  const load = () => {
    setBadPeriod(from > to);
    if (from > to) return;
    void action.run('load', async () => {
      const filter = { programme, district };
      const [rows, trend, casework] = await Promise.all([
        api.indicators(session.token, from, to, dim, filter),
        dim === 'month' ? null : api.indicators(session.token, from, to, 'month', filter),
        // The server narrows every casework table, group activities too, by both filters.
        api.casework(session.token, from, to, filter),
      ]);
      setResult({ dim, from, to, rows, trend: trend ?? rows, casework });
    });
  };

  const tables: ReportTable[] = result
    ? [
        indicatorTable(t, result.dim, result.rows, {
          worker: workerName,
          district: districts.name,
          programme: programmes.name,
        }),
        ...caseworkTables(t, result.casework, programmes.name),
      ]
    : [];
  const [indicators, ...casework] = tables;
  const fileName = (ext: string) =>
    result ? `teren-prehled-${result.dim}-${result.from}-${result.to}.${ext}` : `teren.${ext}`;

  const downloadCsv = () => {
    if (!indicators) return;
    saveBlob(
      new Blob([toCsv(indicators.header, indicators.rows)], { type: 'text/csv;charset=utf-8' }),
      fileName('csv'),
    );
  };
  const downloadXlsx = () =>
    void action.run('xlsx', async () => saveBlob(await xlsxBlob(tables), fileName('xlsx')));

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('reports.title')}</h1>
      </header>
      <form
        className="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.groupBy')}</span>
          <select value={dim} onChange={(e) => setDim(e.target.value as ReportDimension)}>
            {REPORT_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`reports.dims.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.columns.programme')}</span>
          <select value={programme} onChange={(e) => setProgramme(e.target.value)}>
            <option value="">{t('reports.all')}</option>
            {programmes.list.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.columns.district')}</span>
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('reports.all')}</option>
            {districts.list.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('reports.loadingReport') : t('reports.show')}
        </button>
        {result && (
          <>
            <button type="button" className="button" onClick={downloadCsv}>
              {t('reports.csv')}
            </button>
            <button type="button" className="button" onClick={downloadXlsx}>
              {t('reports.xlsx')}
            </button>
          </>
        )}
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {result && indicators && (
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
              <Table table={indicators} testId="report" />
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
                  <Table table={table} testId={`casework-${table.key}`} />
                )}
              </section>
            ))}
          </section>
        </>
      )}
    </section>
  );
};

const Table = ({ table, testId }: { table: ReportTable; testId: string }) => {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'cs-CZ';
  return (
    <div className="table-scroll">
      <table className="report-table" data-testid={testId}>
        <thead>
          <tr>
            {table.header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{typeof cell === 'number' ? cell.toLocaleString(locale) : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
