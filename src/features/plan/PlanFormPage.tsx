import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from '../../ui/routing';
import { nextRevisionNumber } from '../../core';
import { getDb } from '../../data/db';
import { useEnrolment } from '../../data/hooks';
import { saveWithOutbox } from '../../data/outbox';
import type { EnrolmentDetail } from '../../data/queries/enrolment';
import { Field, Fieldset } from '../../ui/forms/Field';
import { Goals } from './PlanGoals';
import { DraftNotice, FormActions } from '../../ui/forms/FormActions';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useDraft } from '../../widgets/use-draft';
import { Loaded } from '../../ui/Loaded';
import { useServices } from '../../widgets/services';
import {
  emptyGoal,
  planFromForm,
  PlanFormSchema,
  planToForm,
  type PlanFormOutput,
  type PlanFormValues,
} from './plan-form';

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
      <Field label={t('plan.forWhom')}>
        <select {...register('personId')}>
          <option value="">{t('plan.wholeHousehold')}</option>
          {detail.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.firstName} {p.lastName}
            </option>
          ))}
        </select>
      </Field>
      <Goals goals={goals} control={control} register={register} errors={errors} />
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
    <Loaded value={useEnrolment(id)} edits>
      {(detail) => <PlanForm key={id} detail={detail} />}
    </Loaded>
  );
};
