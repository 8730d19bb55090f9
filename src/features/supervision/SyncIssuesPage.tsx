import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncIssues } from '../../core';
import { useHouseholdLabels } from '../../data/hooks';
import { ApiError } from '../../sync/api-client';
import { useMemberName } from '../../widgets/team';
import { useServices } from '../../widgets/services';
import { failureText, useServerAction, useServerData } from '../../widgets/use-server-data';
import { ConflictItem, QuarantineItem } from './IssueItems';
import { PlanForksCard } from './PlanForksCard';

/** Why a request failed, as this screen says it: a decision someone else made first counts. */
const issueFailureText = (t: TFunction, failure: unknown) =>
  failure instanceof ApiError && (failure.code === 'conflict' || failure.code === 'not_found')
    ? t('syncIssues.changed')
    : failureText(t, failure, 'syncIssues.needsConnection');

type List = 'conflicts' | 'quarantine';

/** The issues as shown, paged: the next page of a list is appended to what is shown. */
const useIssues = () => {
  const { api, session, syncNow } = useServices();
  const shown = useServerData((a, token) => a.supervision.issues(token));
  const action = useServerAction();
  const issues = shown.data;
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
  const resolve = async (id: string, run: () => Promise<void>) => {
    const done = await action.run(id, run);
    shown.reload();
    // The decision changed a record on the server: bring it to this device now.
    if (done) void syncNow();
  };
  const total = (list: List) => issues?.totals?.[list] ?? issues?.[list].length ?? 0;
  return { shown, issues, action, more, resolve, total };
};

/** Names of the households and the authors the issues are about. */
const useNames = (issues: SyncIssues | null) => {
  const { t } = useTranslation();
  const memberName = useMemberName();
  const ids = useMemo(
    () => [...(issues?.conflicts ?? []), ...(issues?.quarantine ?? [])].map((i) => i.householdId),
    [issues],
  );
  const labels = useHouseholdLabels(ids);
  return {
    household: (id: string) => labels?.get(id) ?? t('syncIssues.unknownHousehold'),
    author: (id: string) => memberName(id, t('planReview.someone')),
  };
};

const IssueCard = (props: {
  title: string;
  empty: string;
  testId: string;
  shown: number;
  total: number;
  more: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{props.title}</h2>
      {props.shown === 0 ? (
        <p className="empty">{props.empty}</p>
      ) : (
        <ul className="plain-list issue-list" data-testid={props.testId}>
          {props.children}
        </ul>
      )}
      {props.total > props.shown && (
        <button type="button" className="button" onClick={props.more}>
          {t('syncIssues.more', { count: props.total - props.shown })}
        </button>
      )}
    </section>
  );
};

const IssueLists = ({
  state,
  issues,
}: {
  state: ReturnType<typeof useIssues>;
  issues: SyncIssues;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const names = useNames(issues);
  const { action, resolve, total } = state;
  const card = (list: List) => ({
    title: t(`syncIssues.${list}`, { count: total(list) }),
    testId: list,
    shown: issues[list].length,
    total: total(list),
    more: () => state.more(list),
  });
  return (
    <>
      <IssueCard {...card('conflicts')} empty={t('syncIssues.noConflicts')}>
        {issues.conflicts.map((c) => (
          <ConflictItem
            key={c.id}
            conflict={c}
            household={names.household(c.householdId)}
            author={names.author(c.userId)}
            losingAuthor={c.losingUserId ? names.author(c.losingUserId) : null}
            winningAuthor={c.winningUserId ? names.author(c.winningUserId) : null}
            busy={action.busy === `c${c.id}`}
            onResolve={(choice) =>
              void resolve(`c${c.id}`, () =>
                api.supervision.resolveConflict(session.token, c.id, choice),
              )
            }
          />
        ))}
      </IssueCard>
      <IssueCard {...card('quarantine')} empty={t('syncIssues.noQuarantine')}>
        {issues.quarantine.map((q) => (
          <QuarantineItem
            key={q.id}
            edit={q}
            household={names.household(q.householdId)}
            author={names.author(q.userId)}
            busy={action.busy === `q${q.id}`}
            onResolve={(choice) =>
              void resolve(`q${q.id}`, () =>
                api.supervision.resolveQuarantine(session.token, q.id, choice),
              )
            }
          />
        ))}
      </IssueCard>
    </>
  );
};

/**
 * For a team's supervisor: what sync could not settle alone. A value that lost a concurrent
 * edit can be put back; an edit made offline to a case its author had lost can be applied
 * or dropped. Needs the server: these live there, not on devices.
 */
export const SyncIssuesPage = () => {
  const { t } = useTranslation();
  const state = useIssues();
  const { issues, shown } = state;
  const error = issueFailureText(t, state.action.failure ?? shown.failure);
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
      {issues && <IssueLists state={state} issues={issues} />}
      <PlanForksCard />
    </section>
  );
};
