import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pragueDate } from '../../core';
import { useDistricts } from '../../widgets/districts';
import { useFormat } from '../../ui/format';
import { saveBlob, xlsxBlob } from '../../ui/download';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction, useServerData } from '../../widgets/use-server-data';
import { pseudonymisedTables } from './pseudonymised-tables';
import { useProgrammes } from '../../widgets/programmes';

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
  const retention = useServerData((a, token) => a.gdpr.retention(token));
  const action = useServerAction();
  const list = retention.data;
  const busy = action.busy !== null;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [badPeriod, setBadPeriod] = useState(false);
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  const error = badPeriod
    ? t('reports.badPeriod')
    : failureText(t, action.failure ?? retention.failure, 'privacy.needsConnection');

  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const anonymise = () => {
    setBadPeriod(false);
    void action.run('anonymise', async () => {
      const result = await api.gdpr.anonymise(session.token, [...chosen]);
      setMessage(
        t('privacy.done', { count: result.anonymised.length }) +
          (result.skipped.length
            ? ` ${t('privacy.skipped', { count: result.skipped.length })}`
            : ''),
      );
      setChosen(new Set());
      setConfirming(false);
      retention.reload();
    });
  };

  const exportPseudonymised = () => {
    setBadPeriod(from > to);
    if (from > to) return;
    void action.run('export', async () => {
      const data = await api.gdpr.pseudonymised(session.token, from, to);
      saveBlob(await xlsxBlob(pseudonymisedTables(t, data)), `teren-evaluace-${from}-${to}.xlsx`);
    });
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
                    onClick={anonymise}
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
            onClick={exportPseudonymised}
          >
            {t('privacy.evaluationExport')}
          </button>
        </div>
      </section>
    </section>
  );
};
