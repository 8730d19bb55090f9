import type { Control, UseFieldArrayReturn, UseFormRegister, useForm } from 'react-hook-form';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PLAN_AREAS } from '../../core';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { Field, Fieldset } from '../../ui/forms/Field';
import { emptyStep, type PlanFormOutput, type PlanFormValues } from './plan-form';

type Errors = ReturnType<
  typeof useForm<PlanFormValues, unknown, PlanFormOutput>
>['formState']['errors'];

type FormParts = {
  control: Control<PlanFormValues, unknown, PlanFormOutput>;
  register: UseFormRegister<PlanFormValues>;
  errors: Errors;
};

const Steps = ({ goal, control, register, errors }: FormParts & { goal: number }) => {
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

/** The plan's goals, each with its area, wording and steps. */
export const Goals = ({
  goals,
  control,
  register,
  errors,
}: FormParts & { goals: UseFieldArrayReturn<PlanFormValues, 'goals', 'key'> }) => {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
};
