import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from '../../ui/routing';
import {
  CLOSE_REASONS,
  ENROLMENT_STATUSES,
  LEGAL_BASES,
  pragueDate,
  type Enrolment,
} from '../../core';
import { getDb } from '../../data/db';
import { useEnrolment, useHousehold } from '../../data/hooks';
import { saveWithOutbox } from '../../data/outbox';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { DraftNotice, FormActions } from '../../ui/forms/FormActions';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useDraft } from '../../widgets/use-draft';
import { useFormat } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { useProgrammes } from '../../widgets/programmes';
import { useServices } from '../../widgets/services';
import {
  emptyEnrolment,
  enrolmentFormProblems,
  enrolmentFromForm,
  EnrolmentFormSchema,
  enrolmentToForm,
  type EnrolmentFormValues,
} from './enrolment-form';

type Props = { householdId: string; householdLabel: string; existing: Enrolment | null };

const EnrolmentForm = ({ householdId, householdLabel, existing }: Props) => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const navigate = useNavigate();
  const { session } = useServices();
  const [error, setError] = useState<string | null>(null);
  const defaults = existing
    ? enrolmentToForm(existing)
    : emptyEnrolment(session.user.id, pragueDate(new Date()));
  const form = useForm<EnrolmentFormValues>({
    resolver: zodResolver(EnrolmentFormSchema),
    defaultValues: defaults,
  });
  const { register, control, handleSubmit, setError: setFieldError, formState } = form;
  const { errors, isSubmitting } = formState;
  const draft = useDraft(form, `enrolment:${existing?.id ?? `new:${householdId}`}`);
  const programmes = useProgrammes();
  const programme = programmes.info(useWatch({ control, name: 'programme' }));
  const status = useWatch({ control, name: 'status' });
  const consentGiven = useWatch({ control, name: 'consentGiven' });
  const workers = session.team.length
    ? session.team
    : [{ id: session.user.id, name: session.user.name, role: session.user.role }];

  const submit = handleSubmit(async (values) => {
    setError(null);
    const kind = programmes.info(values.programme);
    const problems = enrolmentFormProblems(values, kind);
    for (const p of problems) {
      const message =
        p.code === 'required'
          ? t('forms.required')
          : p.code === 'before_start'
            ? t('enrolmentForm.leaseEndBeforeStart')
            : p.code === 'lease_too_long'
              ? t('enrolmentForm.leaseTooLong', {
                  programme: kind.name,
                  count: kind.leaseMaxMonths ?? 0,
                  max: date(p.max ?? ''),
                })
              : p.code === 'close_needs_reason'
                ? t('enrolmentForm.closeNeedsReason')
                : t('enrolmentForm.consentNeedsDate');
      setFieldError(p.field, { message });
    }
    if (problems.length) return;
    try {
      const record = enrolmentFromForm(
        values,
        {
          householdId,
          existing,
          now: new Date().toISOString(),
        },
        kind,
      );
      await saveWithOutbox(getDb(), 'enrolment', record);
      await draft.discard();
      await navigate(`/households/${householdId}`, { replace: true });
    } catch (e) {
      setError(saveErrorMessage(e, t));
    }
  });

  return (
    <form autoComplete="off" className="form" onSubmit={submit} noValidate>
      <DraftNotice shown={draft.restored} />
      <Fieldset
        legend={`${existing ? t('enrolmentForm.editTitle') : t('enrolmentForm.newTitle')}: ${householdLabel}`}
      >
        <Field label={t('enrolmentForm.programme')} error={errors.programme?.message}>
          <select {...register('programme')}>
            {programmes.list.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('enrolmentForm.startDate')} error={errors.startDate?.message}>
          <input
            autoComplete="off"
            type="date"
            {...register('startDate')}
            aria-invalid={!!errors.startDate}
          />
        </Field>
        <Field label={t('enrolmentForm.worker')} error={errors.workerId?.message}>
          <select {...register('workerId')}>
            {workers.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('enrolmentForm.targetGroup')} error={errors.targetGroup?.message}>
          <input {...register('targetGroup')} autoComplete="off" />
        </Field>
        <EnumSelect
          label={t('enrolmentForm.status')}
          enumName="status"
          values={ENROLMENT_STATUSES}
          registration={register('status')}
          error={errors.status?.message}
        />
        {status === 'closed' && (
          <>
            <Field label={t('enrolmentForm.closedOn')} error={errors.closedOn?.message}>
              <input autoComplete="off" type="date" {...register('closedOn')} />
            </Field>
            <EnumSelect
              label={t('enrolmentForm.closeReason')}
              enumName="closeReason"
              values={CLOSE_REASONS}
              registration={register('closeReason')}
              error={errors.closeReason?.message}
              empty="–"
              invalid={!!errors.closeReason}
            />
          </>
        )}
      </Fieldset>

      {programme.housing && (
        <Fieldset legend={t('enrolmentForm.lease')}>
          <Field label={t('enrolmentForm.flat')} error={errors.leaseFlat?.message} wide>
            <input
              {...register('leaseFlat')}
              autoComplete="off"
              aria-invalid={!!errors.leaseFlat}
            />
          </Field>
          <Field label={t('enrolmentForm.leaseStart')} error={errors.leaseStart?.message}>
            <input autoComplete="off" type="date" {...register('leaseStart')} />
          </Field>
          <Field label={t('enrolmentForm.leaseEnd')} error={errors.leaseEnd?.message}>
            <input
              autoComplete="off"
              type="date"
              {...register('leaseEnd')}
              aria-invalid={!!errors.leaseEnd}
            />
          </Field>
        </Fieldset>
      )}

      <Fieldset legend={t('enrolmentForm.consent')}>
        <label className="check">
          <input type="checkbox" {...register('consentGiven')} />
          <span>{t('enrolmentForm.consentGiven')}</span>
        </label>
        {consentGiven && (
          <Field label={t('enrolmentForm.consentDate')} error={errors.consentDate?.message}>
            <input
              autoComplete="off"
              type="date"
              {...register('consentDate')}
              aria-invalid={!!errors.consentDate}
            />
          </Field>
        )}
        <EnumSelect
          label={t('enrolmentForm.legalBasis')}
          enumName="legalBasis"
          values={LEGAL_BASES}
          registration={register('legalBasis')}
          error={errors.legalBasis?.message}
        />
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

/** /households/:householdId/enrolments/new */
export const NewEnrolmentPage = () => {
  const { householdId = '' } = useParams();
  return (
    <Loaded value={useHousehold(householdId)} edits>
      {(d) => (
        <EnrolmentForm
          householdId={householdId}
          householdLabel={d.household.label}
          existing={null}
        />
      )}
    </Loaded>
  );
};

/** /enrolments/:id/edit */
export const EditEnrolmentPage = () => {
  const { id = '' } = useParams();
  return (
    <Loaded value={useEnrolment(id)} edits>
      {(d) => (
        <EnrolmentForm
          key={id}
          householdId={d.household.id}
          householdLabel={d.household.label}
          existing={d.enrolment}
        />
      )}
    </Loaded>
  );
};
