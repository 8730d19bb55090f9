import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId, revisionOf, type Person, type Plan } from '../../core';
import { getDb } from '../../data/db';
import { saveWithOutbox } from '../../data/outbox';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useFormat } from '../../ui/format';
import { Link } from '../../ui/routing';
import { useServices } from '../services';
import { useMemberName } from '../team';
import { PlanView } from './PlanView';

/**
 * The two (or more) versions of a forked plan side by side, each with who saved it and when,
 * kept with one tap; or merged by hand in the plan form.
 */
export const PlanForkCompare = ({
  versions,
  people,
  nextRevision,
  enrolmentId,
}: {
  versions: readonly Plan[];
  people: readonly Person[];
  nextRevision: number;
  enrolmentId: string;
}) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { session } = useServices();
  const memberName = useMemberName();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = (chosen: Plan) => {
    setBusy(true);
    setError(null);
    // The version kept becomes a new revision with its content: the fork is settled.
    const now = new Date().toISOString();
    const next = { id: newId(), revision: nextRevision, authorId: session.user.id, now };
    saveWithOutbox(getDb(), 'plan', revisionOf(chosen, next))
      .catch((e: unknown) => setError(saveErrorMessage(e, t)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="fork" data-testid="plan-fork">
      <div className="fork__versions">
        {versions.map((v, i) => (
          <section key={v.id} className="fork__version" data-testid="plan-version">
            <h3>
              {t('planFork.version', { n: i + 1 })}:{' '}
              {memberName(v.authorId, t('planReview.someone'))}, {dateTime(v.createdAt)}
            </h3>
            <PlanView plan={v} people={people} />
            <button type="button" className="button" disabled={busy} onClick={() => keep(v)}>
              {t('planFork.keep', { n: i + 1 })}
            </button>
          </section>
        ))}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <Link to={`/enrolments/${enrolmentId}/plan/edit`}>{t('planFork.merge')}</Link>
    </div>
  );
};
