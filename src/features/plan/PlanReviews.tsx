import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { newId, reviewsOf, type Plan, type PlanReview } from '../../core';
import { getDb } from '../../data/db';
import { saveWithOutbox } from '../../data/outbox';
import { Field } from '../../ui/forms/Field';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useDraft } from '../../widgets/use-draft';
import { useFormat } from '../../ui/format';
import { useMemberName } from '../../widgets/team';
import { useServices } from '../../widgets/services';

type Values = { text: string };

/**
 * Comments on one plan revision and its sign-off. Anyone working the case may comment;
 * only a supervisor signs off (the server refuses a sign-off from anyone else).
 */
export const PlanReviews = ({
  plan,
  reviews,
  isCurrent,
}: {
  plan: Plan;
  reviews: readonly PlanReview[];
  isCurrent: boolean;
}) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { session } = useServices();
  const memberName = useMemberName();
  const [error, setError] = useState<string | null>(null);
  const { signOff, entries } = reviewsOf(reviews, plan.id);
  const form = useForm<Values>({ defaultValues: { text: '' } });
  // A new key after each saved entry: the next comment gets a fresh draft.
  const draft = useDraft(form, `planReview:${plan.id}:${entries.length}`);
  const isSupervisor = session.user.role === 'supervisor';
  const author = (id: string) => memberName(id, t('planReview.someone'));

  const save = (signedOff: boolean) =>
    form.handleSubmit(async ({ text }) => {
      setError(null);
      if (!signedOff && !text.trim()) {
        form.setError('text', { message: t('planReview.empty') });
        return;
      }
      try {
        const now = new Date().toISOString();
        await saveWithOutbox(getDb(), 'planReview', {
          id: newId(),
          createdAt: now,
          updatedAt: now,
          deleted: false,
          householdId: plan.householdId,
          enrolmentId: plan.enrolmentId,
          planId: plan.id,
          authorId: session.user.id,
          text: text.trim(),
          signedOff,
        });
        await draft.discard();
        form.reset({ text: '' });
      } catch (e) {
        setError(saveErrorMessage(e, t));
      }
    });

  return (
    <section className="card" data-testid="plan-reviews">
      <h2>{t('planReview.title')}</h2>
      {signOff ? (
        <p data-testid="sign-off">
          <span className="badge badge--met">{t('planReview.signedOff')}</span>{' '}
          {t('planReview.signedOffBy', {
            name: author(signOff.authorId),
            date: date(signOff.createdAt),
          })}
        </p>
      ) : (
        isCurrent && (
          <p data-testid="sign-off">
            <span className="badge badge--at_risk">{t('planReview.awaiting')}</span>
          </p>
        )
      )}
      {entries.length > 0 && (
        <ol className="plain-list">
          {entries.map((r) => (
            <li key={r.id}>
              <p className="muted small">
                {author(r.authorId)} · {date(r.createdAt)}
                {r.signedOff ? ` · ${t('planReview.signOffMark')}` : ''}
              </p>
              {r.text && <p className="note">{r.text}</p>}
            </li>
          ))}
        </ol>
      )}
      <form autoComplete="off" onSubmit={(e) => e.preventDefault()} noValidate>
        <Field label={t('planReview.comment')} error={form.formState.errors.text?.message} wide>
          <textarea
            autoComplete="off"
            rows={3}
            {...form.register('text')}
            aria-invalid={!!form.formState.errors.text}
          />
        </Field>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions__buttons">
          <button
            type="button"
            className="button"
            disabled={form.formState.isSubmitting}
            onClick={() => void save(false)()}
          >
            {t('planReview.addComment')}
          </button>
          {isSupervisor && isCurrent && !signOff && (
            <button
              type="button"
              className="button button--primary"
              disabled={form.formState.isSubmitting}
              onClick={() => void save(true)()}
            >
              {t('planReview.signOff')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
};
