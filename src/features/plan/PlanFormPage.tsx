import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from '../../ui/routing';
import { nextRevisionNumber, PLAN_AREAS } from '../../core';
import { getDb } from '../../data/db';
import { useEnrolment } from '../../data/hooks';
import { saveWithOutbox } from '../../data/outbox';
import type { EnrolmentDetail } from '../../data/queries/enrolment';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { DraftNotice, FormActions } from '../../ui/forms/FormActions';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useDraft } from '../../widgets/use-draft';
import { Loaded } from '../../ui/Loaded';
import { useServices } from '../../widgets/services';
import {
  emptyGoal,
  emptyStep,
  planFromForm,
  PlanFormSchema,
  planToForm,
  type PlanFormOutput,
  type PlanFormValues,
} from './plan-form';

type Errors = ReturnType<
  typeof useForm<PlanFormValues, unknown, PlanFormOutput>
>['formState']['errors'];

const Steps = ({
  goal,
  control,
  register,
  errors,
}: {
  goal: number;
  control: Control<PlanFormValues, unknown, PlanFormOutput>;
  register: UseFormRegister<PlanFormValues>;
  errors: Errors;
}) => {
  const { t } = useTranslation();
  const steps = useFieldArray<PlanFormValues, `goals.${number}.steps`, 'key'>({
    control,
    name: `goals.${goal}.steps`,
    keyName: 'key',
  });
  return (
    <div className="steps">
      <strong>{t('plan.steps')}</strong>
      {steps.fields.map((s, i) => {
        const e = errors.goals?.[goal]?.steps?.[i];
        return (
          <div key={s.key} className="step-row" data-testid="plan-step">
            <Field label={t('plan.what')} error={e?.what?.message}>
              <input
                autoComplete="off"
                {...register(`goals.${goal}.steps.${i}.what`)}
                aria-invalid={!!e?.what}
              />
            </Field>
            <Field label={t('plan.who')} error={e?.who?.message}>
              <input autoComplete="off" {...register(`goals.${goal}.steps.${i}.who`)} />
            </Field>
            <Field label={t('plan.due')} error={e?.due?.message}>
              <input autoComplete="off" type="date" {...register(`goals.${goal}.steps.${i}.due`)} />
            </Field>
            <label className="check">
              <input type="checkbox" {...register(`goals.${goal}.steps.${i}.done`)} />
              <span>{t('plan.done')}</span>
            </label>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => steps.remove(i)}
            >
              {t('plan.removeStep')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => steps.append(emptyStep())}
      >
        + {t('plan.addStep')}
      </button>
    </div>
  );
};

const PlanForm = ({ detail }: { detail: EnrolmentDetail }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useServices();
  const [error, setError] = useState<string | null>(null);
  const { enrolment, household, plan } = detail;
  const [defaults] = useState(() => planToForm(plan.current));
  const form = useForm<PlanFormValues, unknown, PlanFormOutput>({
    resolver: zodResolver(PlanFormSchema),
    defaultValues: defaults,
  });
  const { register, control, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const goals = useFieldArray<PlanFormValues, 'goals', 'key'>({
    control,
    name: 'goals',
    keyName: 'key',
  });
  // The draft belongs to the revision it started from, so a newer revision is never hidden.
  const draft = useDraft(form, `plan:${enrolment.id}:${plan.current?.id ?? 'first'}`);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const record = planFromForm(values, {
        enrolmentId: enrolment.id,
        householdId: household.id,
        base: plan.current,
        revision: nextRevisionNumber(plan.history),
        authorId: session.user.id,
        now: new Date().toISOString(),
      });
      await saveWithOutbox(getDb(), 'plan', record);
      await draft.discard();
      await navigate(`/enrolments/${enrolment.id}/plan`, { replace: true });
    } catch (e) {
      setError(saveErrorMessage(e, t));
    }
  });

  return (
    <form autoComplete="off" className="form" onSubmit={submit} noValidate>
      <DraftNotice shown={draft.restored} />
      <h1>
        {t('plan.editTitle')} · {household.label}
      </h1>
      {goals.fields.map((g, i) => {
        const e = errors.goals?.[i];
        return (
          <Fieldset key={g.key} legend={`${t('plan.goal')} ${i + 1}`}>
            <div className="goal" data-testid="plan-goal">
              <EnumSelect
                label={t('plan.area')}
                enumName="area"
                values={PLAN_AREAS}
                registration={register(`goals.${i}.area`)}
                error={e?.area?.message}
              />
              <Field label={t('plan.goalText')} error={e?.text?.message} wide>
                <textarea
                  autoComplete="off"
                  rows={2}
                  {...register(`goals.${i}.text`)}
                  aria-invalid={!!e?.text}
                />
              </Field>
              <Steps goal={i} control={control} register={register} errors={errors} />
              {goals.fields.length > 1 && (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => goals.remove(i)}
                >
                  {t('plan.removeGoal')}
                </button>
              )}
            </div>
          </Fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => goals.append(emptyGoal())}>
        + {t('plan.addGoal')}
      </button>
      <Fieldset legend={t('plan.title')}>
        <Field label={t('plan.reviewDate')} error={errors.reviewDate?.message}>
          <input autoComplete="off" type="date" {...register('reviewDate')} />
        </Field>
        <label className="check">
          <input type="checkbox" {...register('clientAgreed')} />
          <span>{t('plan.clientAgreed')}</span>
        </label>
        <Field label={t('plan.evaluation')} error={errors.evaluation?.message} wide>
          <textarea autoComplete="off" rows={3} {...register('evaluation')} />
        </Field>
      </Fieldset>
      <FormActions
        saving={isSubmitting}
        error={error}
        hasFieldErrors={Object.keys(errors).length > 0}
        draft={draft}
        dirty={formState.isDirty}
        onReset={() => form.reset(defaults)}
      />
    </form>
  );
};

/** /enrolments/:id/plan/edit */
export const PlanFormPage = () => {
  const { id = '' } = useParams();
  return (
    <Loaded value={useEnrolment(id)}>{(detail) => <PlanForm key={id} detail={detail} />}</Loaded>
  );
};
