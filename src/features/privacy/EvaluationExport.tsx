import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pragueDate } from '../../core';
import { PeriodFields } from '../../ui/forms/PeriodFields';

const yearStart = () => `${new Date().getFullYear() - 1}-01-01`;
const today = () => pragueDate(new Date());

/** The pseudonymised export for evaluators, for a period (from the start of last year). */
export const EvaluationExport = (props: {
  busy: boolean;
  exportPeriod: (from: string, to: string) => void;
}) => {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => ({ from: yearStart(), to: today() }));
  return (
    <section className="card">
      <h2>{t('privacy.evaluationTitle')}</h2>
      <p className="muted small">{t('privacy.evaluationNote')}</p>
      <div className="inline-form">
        <PeriodFields {...period} set={setPeriod} />
        <button
          type="button"
          className="button button--primary"
          disabled={props.busy}
          onClick={() => props.exportPeriod(period.from, period.to)}
        >
          {t('privacy.evaluationExport')}
        </button>
      </div>
    </section>
  );
};
