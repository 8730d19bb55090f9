import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pragueDate, type RetentionList } from '../../core';
import { isOffline } from '../../sync/api-client';
import { useDistricts } from '../districts';
import { useFormat } from '../format';
import { saveBlob, xlsxBlob } from '../reports/download';
import { useServices } from '../services';
import { pseudonymisedTables } from './pseudonymised-tables';
import { useProgrammes } from '../programmes';

const yearStart = () => `${new Date().getFullYear() - 1}-01-01`;
const today = () => pragueDate(new Date());

/**
 * For managers (the controller's side of GDPR): closed cases past their retention date, to
 * approve their anonymisation, and the pseudonymised export for evaluators.
 */
export const PrivacyPage = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const districts = useDistricts();
  const { date } = useFormat();
  const { api, session } = useServices();
  const [list, setList] = useState<RetentionList | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);

  const failed = useCallback(
    (e: unknown) => setError(isOffline(e) ? t('privacy.needsConnection') : t('admin.failed')),
    [t],
  );
  const load = useCallback(async () => {
    try {
      setList(await api.gdpr.retention(session.token));
    } catch (e) {
      failed(e);
    }
  }, [api, session.token, failed]);
  useEffect(() => {
    // Loading from the server is the external system this effect synchronises with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const anonymise = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.gdpr.anonymise(session.token, [...chosen]);
      setMessage(
        t('privacy.done', { count: result.anonymised.length }) +
          (result.skipped.length
            ? ` ${t('privacy.skipped', { count: result.skipped.length })}`
            : ''),
      );
      setChosen(new Set());
      setConfirming(false);
      await load();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const exportPseudonymised = async () => {
    if (from > to) {
      setError(t('reports.badPeriod'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await api.gdpr.pseudonymised(session.token, from, to);
      saveBlob(await xlsxBlob(pseudonymisedTables(t, data)), `teren-evaluace-${from}-${to}.xlsx`);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('privacy.title')}</h1>
      </header>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section className="card">
        <h2>{t('privacy.retentionTitle')}</h2>
        <p className="muted small">
          {t('privacy.retentionNote', { years: list?.retentionYears ?? '…' })}
        </p>
        {!list ? (
          !error && <p className="muted">{t('common.loading')}</p>
        ) : list.cases.length === 0 ? (
          <p className="empty">{t('privacy.noneDue')}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="report-table" data-testid="retention">
                <thead>
                  <tr>
                    <th>
                      <span className="visually-hidden">{t('privacy.choose')}</span>
                    </th>
                    <th className="text">{t('privacy.household')}</th>
                    <th className="text">{t('reports.columns.programme')}</th>
                    <th>{t('privacy.closedOn')}</th>
                    <th>{t('privacy.retainUntil')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.cases.map((c) => (
                    <tr key={c.householdId}>
                      <td>
                        <input
                          type="checkbox"
                          checked={chosen.has(c.householdId)}
                          onChange={() => toggle(c.householdId)}
                          aria-label={t('privacy.chooseCase', { label: c.label })}
                        />
                      </td>
                      <td className="text">
                        {c.label}
                        <span className="muted small">
                          {' · '}
                          {districts.name(c.district)}
                        </span>
                      </td>
                      <td className="text">
                        {c.programmes.map((p) => programmes.name(p)).join(', ')}
                      </td>
                      <td>{date(c.closedOn)}</td>
                      <td>{date(c.retainUntil)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!confirming ? (
              <button
                type="button"
                className="button button--danger"
                disabled={chosen.size === 0}
                onClick={() => setConfirming(true)}
              >
                {t('privacy.anonymise', { count: chosen.size })}
              </button>
            ) : (
              <div className="confirm" role="group" aria-label={t('privacy.confirmTitle')}>
                <p>
                  <strong>{t('privacy.confirmTitle')}</strong> {t('privacy.confirmText')}
                </p>
                <div className="form-actions__buttons">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => void anonymise()}
                  >
                    {t('privacy.approve', { count: chosen.size })}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
          </>
        )}
      </section>
      <section className="card">
        <h2>{t('privacy.evaluationTitle')}</h2>
        <p className="muted small">{t('privacy.evaluationNote')}</p>
        <div className="inline-form">
          <label className="field">
            <span>{t('reports.from')}</span>
            <input
              autoComplete="off"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('reports.to')}</span>
            <input
              autoComplete="off"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void exportPseudonymised()}
          >
            {t('privacy.evaluationExport')}
          </button>
        </div>
      </section>
    </section>
  );
};
