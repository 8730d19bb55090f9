import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import type { QuarantinedEdit, SyncConflict } from '../../core';
import { useHouseholdLabels } from '../../data/hooks';
import { ApiError } from '../../sync/api-client';
import { useFormat } from '../../ui/format';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction, useServerData } from '../../widgets/use-server-data';
import { refusalKey } from '../../ui/refusal-key';
import { useValueText } from '../../ui/value-text';

/** Why a request failed, as this screen says it: a decision someone else made first counts. */
const issueFailureText = (t: TFunction, failure: unknown) =>
  failure instanceof ApiError && (failure.code === 'conflict' || failure.code === 'not_found')
    ? t('syncIssues.changed')
    : failureText(t, failure, 'syncIssues.needsConnection');

type List = 'conflicts' | 'quarantine';

/**
 * For a team's supervisor: what sync could not settle alone. A value that lost a concurrent
 * edit can be put back; an edit made offline to a case its author had lost can be applied
 * or dropped. Needs the server: these live there, not on devices.
 */
export const SyncIssuesPage = () => {
  const { t } = useTranslation();
  const { api, session, syncNow } = useServices();
  const shown = useServerData((a, token) => a.supervision.issues(token));
  const action = useServerAction();
  const issues = shown.data;
  const error = issueFailureText(t, action.failure ?? shown.failure);

  /** The next page of one list, after what is shown. */
  const more = (list: List) => {
    const last = issues?.[list].at(-1)?.id;
    void action.run(`more-${list}`, async () => {
      const page = await api.supervision.issues(session.token, { [`${list}After`]: last });
      shown.update((now) => ({
        ...now,
        [list]: [...now[list], ...page[list]],
        totals: page.totals,
      }));
    });
  };
  const total = (list: List) => issues?.totals?.[list] ?? issues?.[list].length ?? 0;
  const moreButton = (list: List) =>
    issues && total(list) > issues[list].length ? (
      <button type="button" className="button" onClick={() => more(list)}>
        {t('syncIssues.more', { count: total(list) - issues[list].length })}
      </button>
    ) : null;

  const resolve = async (run: () => Promise<void>, id: string) => {
    const done = await action.run(id, run);
    shown.reload();
    // The decision changed a record on the server: bring it to this device now.
    if (done) void syncNow();
  };

  const ids = useMemo(
    () => [...(issues?.conflicts ?? []), ...(issues?.quarantine ?? [])].map((i) => i.householdId),
    [issues],
  );
  const labels = useHouseholdLabels(ids);
  const household = (id: string) => labels?.get(id) ?? t('syncIssues.unknownHousehold');
  const author = (id: string) =>
    session.team.find((m) => m.id === id)?.name ?? t('planReview.someone');

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('syncIssues.title')}</h1>
        <button type="button" className="button" onClick={shown.reload}>
          {t('syncIssues.refresh')}
        </button>
      </header>
      <p className="muted">{t('syncIssues.intro')}</p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!issues && !error && <p className="muted">{t('common.loading')}</p>}
      {issues && (
        <>
          <section className="card">
            <h2>{t('syncIssues.conflicts', { count: total('conflicts') })}</h2>
            {issues.conflicts.length === 0 ? (
              <p className="empty">{t('syncIssues.noConflicts')}</p>
            ) : (
              <ul className="plain-list issue-list" data-testid="conflicts">
                {issues.conflicts.map((c) => (
                  <ConflictItem
                    key={c.id}
                    conflict={c}
                    household={household(c.householdId)}
                    author={author(c.userId)}
                    busy={action.busy === `c${c.id}`}
                    onResolve={(choice) =>
                      void resolve(
                        () => api.supervision.resolveConflict(session.token, c.id, choice),
                        `c${c.id}`,
                      )
                    }
                  />
                ))}
              </ul>
            )}
            {moreButton('conflicts')}
          </section>
          <section className="card">
            <h2>{t('syncIssues.quarantine', { count: total('quarantine') })}</h2>
            {issues.quarantine.length === 0 ? (
              <p className="empty">{t('syncIssues.noQuarantine')}</p>
            ) : (
              <ul className="plain-list issue-list" data-testid="quarantine">
                {issues.quarantine.map((q) => (
                  <QuarantineItem
                    key={q.id}
                    edit={q}
                    household={household(q.householdId)}
                    author={author(q.userId)}
                    busy={action.busy === `q${q.id}`}
                    onResolve={(choice) =>
                      void resolve(
                        () => api.supervision.resolveQuarantine(session.token, q.id, choice),
                        `q${q.id}`,
                      )
                    }
                  />
                ))}
              </ul>
            )}
            {moreButton('quarantine')}
          </section>
        </>
      )}
    </section>
  );
};

const ConflictItem = ({
  conflict: c,
  household,
  author,
  busy,
  onResolve,
}: {
  conflict: SyncConflict;
  household: string;
  author: string;
  busy: boolean;
  onResolve: (action: 'keep' | 'restore') => void;
}) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { field, value } = useValueText();
  return (
    <li className="issue">
      <p>
        <Link to={`/households/${c.householdId}`}>
          <strong>{household}</strong>
        </Link>{' '}
        · {t(`syncIssues.types.${c.recordType}`)} · {field(c.recordType, c.field)}
      </p>
      <dl className="issue__values">
        <dt>{t('syncIssues.current')}</dt>
        <dd>{value(c.field, c.current)}</dd>
        <dt>{t('syncIssues.overwritten')}</dt>
        <dd>{value(c.field, c.losing)}</dd>
      </dl>
      <p className="muted small">
        {t('syncIssues.when', { name: author, when: dateTime(c.createdAt) })}
      </p>
      <div className="form-actions__buttons">
        <button type="button" className="button" disabled={busy} onClick={() => onResolve('keep')}>
          {t('syncIssues.keep')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onResolve('restore')}
        >
          {t('syncIssues.restore')}
        </button>
      </div>
    </li>
  );
};

const QuarantineItem = ({
  edit: q,
  household,
  author,
  busy,
  onResolve,
}: {
  edit: QuarantinedEdit;
  household: string;
  author: string;
  busy: boolean;
  onResolve: (action: 'discard' | 'apply') => void;
}) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { readable, summary } = useValueText();
  return (
    <li className="issue">
      <p>
        <Link to={`/households/${q.householdId}`}>
          <strong>{household}</strong>
        </Link>{' '}
        · {t(`syncIssues.types.${q.recordType}`)}
      </p>
      <p>{summary(q.recordType, q.record)}</p>
      <details>
        <summary>{t('syncIssues.details')}</summary>
        <dl className="issue__values">
          {readable(q.recordType, q.record).map(([label, v]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </details>
      {q.reason ? (
        <p className="muted small">
          {t('syncIssues.handedOver', { name: author, when: dateTime(q.createdAt) })}{' '}
          {t(refusalKey('invalid', q.reason))}
        </p>
      ) : (
        <p className="muted small">
          {t('syncIssues.sentBy', { name: author, when: dateTime(q.createdAt) })}
        </p>
      )}
      <div className="form-actions__buttons">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => onResolve('discard')}
        >
          {t('syncIssues.discard')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => onResolve('apply')}
        >
          {t('syncIssues.apply')}
        </button>
      </div>
    </li>
  );
};
