import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob, xlsxBlob } from '../../ui/download';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction, useServerData } from '../../widgets/use-server-data';
import { EvaluationExport } from './EvaluationExport';
import { pseudonymisedTables } from './pseudonymised-tables';
import { RetentionCard } from './RetentionCard';

/**
 * For managers (the controller's side of GDPR): closed cases past their retention date, to
 * approve their anonymisation, and the pseudonymised export for evaluators.
 */
export const PrivacyPage = () => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const retention = useServerData((a, token) => a.gdpr.retention(token));
  const action = useServerAction();
  const [message, setMessage] = useState<string | null>(null);
  const [badPeriod, setBadPeriod] = useState(false);
  const error = badPeriod
    ? t('reports.badPeriod')
    : failureText(t, action.failure ?? retention.failure, 'privacy.needsConnection');

  const anonymise = (ids: string[]) => {
    setBadPeriod(false);
    return action.run('anonymise', async () => {
      const result = await api.gdpr.anonymise(session.token, ids);
      const skipped = result.skipped.length;
      setMessage(
        t('privacy.done', { count: result.anonymised.length }) +
          (skipped ? ` ${t('privacy.skipped', { count: skipped })}` : ''),
      );
      retention.reload();
    });
  };

  const exportPeriod = (from: string, to: string) => {
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
      <RetentionCard
        list={retention.data}
        showLoading={!error}
        busy={action.busy !== null}
        anonymise={anonymise}
      />
      <EvaluationExport busy={action.busy !== null} exportPeriod={exportPeriod} />
    </section>
  );
};
