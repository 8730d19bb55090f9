import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../data/db';
import { useHouseholdLabels, useRefused, useSyncNotices } from '../../data/hooks';
import { settleRefused, type RefusedChange } from '../../data/refused';
import type { StoredNotice } from '../../data/sync-notices';
import { isOffline } from '../../sync/api-client';
import { useFormat } from '../../ui/format';
import { Link } from '../../ui/routing';
import { useServices } from '../../widgets/services';
import { useValueText } from '../../ui/value-text';
import { NoticeItem } from '../../widgets/NoticeItem';
import { refusalKey } from '../../ui/refusal-key';

/**
 * Changes the server did not take as they were: refused ones, with why, to copy,
 * hand to the supervisor or discard; changes waiting for the supervisor because the case
 * moved; values a colleague's later edit replaced. Nothing here is lost until the worker
 * decides.
 */
export const SyncChangesPage = () => {
  const { t } = useTranslation();
  const refused = useRefused();
  const notices = useSyncNotices();
  const labels = useHouseholdLabels((refused ?? []).map((r) => r.householdId));
  if (!refused || !notices) return <p className="page muted">{t('common.loading')}</p>;
  const held = notices.filter((n) => n.kind === 'held');
  const replaced = notices.filter((n) => n.kind === 'replaced');
  const nothing = refused.length + notices.length === 0;
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('syncChanges.householdTitle')}</h1>
      </header>
      <p className="muted">{t('syncChanges.intro')}</p>
      {nothing && <p className="empty">{t('syncChanges.nothing')}</p>}
      {refused.length > 0 && (
        <section className="card">
          <h2>{t('syncChanges.refused', { count: refused.length })}</h2>
          <ul className="plain-list issue-list" data-testid="refused">
            {refused.map((r) => (
              <RefusedItem
                key={r.seq}
                change={r}
                household={labels?.get(r.householdId) ?? t('syncChanges.otherHousehold')}
              />
            ))}
          </ul>
        </section>
      )}
      <NoticeList notices={held} title={t('syncChanges.held', { count: held.length })} id="held" />
      <NoticeList
        notices={replaced}
        title={t('syncChanges.replaced', { count: replaced.length })}
        id="replaced"
      />
    </section>
  );
};

/** A card of notices of one kind; nothing when there are none. */
const NoticeList = ({
  notices,
  title,
  id,
}: {
  notices: StoredNotice[];
  title: string;
  id: string;
}) =>
  notices.length === 0 ? null : (
    <section className="card">
      <h2>{title}</h2>
      <ul className="plain-list issue-list" data-testid={id}>
        {notices.map((n) => (
          <NoticeItem key={n.key} notice={n} />
        ))}
      </ul>
    </section>
  );

const RefusedItem = ({ change: r, household }: { change: RefusedChange; household: string }) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { readable, summary } = useValueText();
  const { api, session, syncNow } = useServices();
  const [state, setState] = useState<'idle' | 'busy' | 'copied' | 'offline' | 'failed'>('idle');
  const text = [
    `${t(`syncIssues.types.${r.recordType}`)} · ${household}`,
    ...readable(r.recordType, r.record).map(([label, v]) => `${label}: ${v}`),
  ].join('\n');

  const settle = async () => {
    await settleRefused(getDb(), r.seq);
    void syncNow();
  };
  const handOver = async () => {
    setState('busy');
    try {
      await api.handOver(session.token, {
        mutationId: r.mutationId,
        type: r.recordType,
        record: r.record,
        base: r.base,
      });
      await settle();
    } catch (e) {
      setState(isOffline(e) ? 'offline' : 'failed');
    }
  };
  const discard = async () => {
    if (!window.confirm(t('syncChanges.discardConfirm'))) return;
    await settle();
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setState('copied');
  };
  return (
    <li className="issue">
      <p>
        <Link to={`/households/${r.householdId}`}>
          <strong>{household}</strong>
        </Link>{' '}
        · {t(`syncIssues.types.${r.recordType}`)} {summary(r.recordType, r.record)}
      </p>
      <p className="alert">{t(refusalKey(r.code, r.reason))}</p>
      <details>
        <summary>{t('syncChanges.content')}</summary>
        <pre className="refused__text">{text}</pre>
      </details>
      <p className="muted small">{t('syncChanges.made', { when: dateTime(r.createdAt) })}</p>
      {state === 'copied' && <p className="muted small">{t('syncChanges.copied')}</p>}
      {state === 'offline' && <p className="alert">{t('syncChanges.needsConnection')}</p>}
      {state === 'failed' && <p className="alert">{t('syncChanges.handOverFailed')}</p>}
      <div className="form-actions__buttons">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('syncChanges.copy')}
        </button>
        <button type="button" className="button" onClick={() => void discard()}>
          {t('syncChanges.discard')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={state === 'busy'}
          onClick={() => void handOver()}
        >
          {t('syncChanges.handOver')}
        </button>
      </div>
    </li>
  );
};
