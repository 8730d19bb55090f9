import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_DIMENSIONS, type IndicatorRow, type ReportDimension } from '../../core';
import { ApiError } from '../../sync/api-client';
import { useServices } from '../services';
import { toCsv } from './csv';

const yearStart = () => `${new Date().getFullYear()}-01-01`;
const today = () => new Date().toISOString().slice(0, 10);

/** Indicators for managers and supervisors, from the server's data. */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  const [dim, setDim] = useState<ReportDimension>('month');
  const [rows, setRows] = useState<IndicatorRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const workerName = (id?: string) => session.team.find((m) => m.id === id)?.name ?? id ?? '';
  const label = (r: IndicatorRow) =>
    dim === 'month'
      ? (r.month ?? '')
      : dim === 'programme'
        ? t(`enums.programme.${r.programme as 'field_work'}`)
        : dim === 'district'
          ? t(`enums.district.${r.district as 'other'}`)
          : workerName(r.workerId);

  const load = async () => {
    setError(null);
    try {
      setRows(await api.indicators(session.token, from, to, dim));
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'offline'
          ? t('reports.needsConnection')
          : t('admin.failed'),
      );
    }
  };

  const download = () => {
    if (!rows) return;
    const csv = toCsv(
      [t(`reports.columns.${dim}`), t('reports.people'), t('reports.contacts'), t('reports.hours')],
      rows.map((r) => [label(r), r.people, r.contacts, (r.minutes / 60).toFixed(1)]),
    );
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `teren-prehled-${dim}-${from}-${to}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('reports.title')}</h1>
      </header>
      <form
        className="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
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
        <button type="submit" className="button button--primary">
          {t('reports.show')}
        </button>
        {rows && rows.length > 0 && (
          <button type="button" className="button" onClick={download}>
            {t('reports.csv')}
          </button>
        )}
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {rows && (
        <section className="card">
          {rows.length === 0 ? (
            <p className="muted">{t('reports.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="report-table" data-testid="report">
                <thead>
                  <tr>
                    <th>{t(`reports.columns.${dim}`)}</th>
                    <th>{t('reports.people')}</th>
                    <th>{t('reports.contacts')}</th>
                    <th>{t('reports.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i}>
                      <td>{label(r)}</td>
                      <td>{r.people}</td>
                      <td>{r.contacts}</td>
                      <td>{(r.minutes / 60).toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small">{t('reports.note')}</p>
        </section>
      )}
    </section>
  );
};
