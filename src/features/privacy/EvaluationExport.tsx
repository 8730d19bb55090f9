import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pragueDate } from '../../core';

const yearStart = () => `${new Date().getFullYear() - 1}-01-01`;
const today = () => pragueDate(new Date());

/** The pseudonymised export for evaluators, for a period (from the start of last year). */
export const EvaluationExport = (props: {
  busy: boolean;
  exportPeriod: (from: string, to: string) => void;
}) => {
  const { t } = useTranslation();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  return (
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
          disabled={props.busy}
          onClick={() => props.exportPeriod(from, to)}
        >
          {t('privacy.evaluationExport')}
        </button>
      </div>
    </section>
  );
};
