import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from '../../ui/routing';
import { LOCALITY_KINDS } from '../../core';
import { getDb } from '../../data/db';
import { useHousehold } from '../../data/hooks';
import { saveAllWithOutbox, type RecordWrite } from '../../data/outbox';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { DraftNotice, FormActions } from '../../ui/forms/FormActions';
import { MembersFieldset } from './HouseholdMembers';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useDraft } from '../../widgets/use-draft';
import { useDistricts } from '../../widgets/districts';
import { useServices } from '../../widgets/services';
import {
  emptyHousehold,
  householdFromForm,
  householdToForm,
  HouseholdFormSchema,
  type HouseholdFormOutput,
  type HouseholdFormValues,
} from './household-form';

type Existing = NonNullable<ReturnType<typeof useHousehold>>;

const HouseholdForm = ({ existing }: { existing: Existing | null }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useServices();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<HouseholdFormValues, unknown, HouseholdFormOutput>({
    resolver: zodResolver(HouseholdFormSchema),
    defaultValues: existing
      ? householdToForm(existing.household, existing.people)
      : emptyHousehold(),
  });
  const { register, control, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const members = useFieldArray<HouseholdFormValues, 'members', 'key'>({
    control,
    name: 'members',
    keyName: 'key',
  });
  const draft = useDraft(form, `household:${existing?.household.id ?? 'new'}`);
  const districts = useDistricts();
  const chosen = useWatch({ control, name: 'district' });
  const knownLocalities = districts.localities(chosen);
  // The city's list, and the household's own district even if the list no longer has it.
  const districtOptions = districts.list.some((d) => d.code === chosen)
    ? districts.list
    : [...districts.list, { code: chosen, name: districts.name(chosen) }];
  const firstListed = districts.list[0]?.code;
  useEffect(() => {
    // A new household's default district may not exist in this server's city.
    if (!existing && firstListed && !districts.list.some((d) => d.code === chosen))
      form.setValue('district', firstListed);
  }, [existing, firstListed, chosen, districts.list, form]);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const { household, people } = householdFromForm(
        values,
        existing,
        session.user.teamId ?? '',
        new Date().toISOString(),
      );
      const writes: RecordWrite[] = [
        { type: 'household', record: household },
        ...people.map((p): RecordWrite => ({ type: 'person', record: p })),
      ];
      await saveAllWithOutbox(getDb(), writes);
      await draft.discard();
      // A new household is worked with through an enrolment: that form comes next.
      await navigate(
        existing ? `/households/${household.id}` : `/households/${household.id}/enrolments/new`,
        {
          replace: true,
        },
      );
    } catch (e) {
      setError(saveErrorMessage(e, t));
    }
  });

  const err = (message: string | undefined) => (message ? message : undefined);

  return (
    <form autoComplete="off" className="form" onSubmit={submit} noValidate>
      <DraftNotice shown={draft.restored} />
      <Fieldset legend={existing ? t('householdForm.editTitle') : t('householdForm.newTitle')}>
        <Field
          label={t('householdForm.label')}
          hint={t('householdForm.labelHint')}
          error={err(errors.label?.message)}
        >
          <input autoComplete="off" {...register('label')} aria-invalid={!!errors.label} />
        </Field>
        <Field label={t('householdForm.street')} error={err(errors.street?.message)}>
          <input {...register('street')} autoComplete="off" />
        </Field>
        <Field label={t('householdForm.city')} error={err(errors.city?.message)}>
          <input {...register('city')} autoComplete="off" />
        </Field>
        <Field label={t('householdForm.district')} error={err(errors.district?.message)}>
          <select {...register('district')}>
            {districtOptions.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <EnumSelect
          label={t('householdForm.localityKind')}
          enumName="localityKind"
          values={LOCALITY_KINDS}
          registration={register('localityKind')}
          error={err(errors.localityKind?.message)}
        />
        <Field label={t('householdForm.localityName')} error={err(errors.localityName?.message)}>
          <input
            {...register('localityName', {
              // A place the city lists is of its kind: picking it says so.
              onChange: (e: { target: { value: string } }) => {
                const known = knownLocalities.find((l) => l.name === e.target.value);
                if (known) form.setValue('localityKind', known.kind);
              },
            })}
            list="known-localities"
            autoComplete="off"
          />
          <datalist id="known-localities">
            {knownLocalities.map((l) => (
              <option key={l.name} value={l.name} />
            ))}
          </datalist>
        </Field>
        <Field label={t('householdForm.phone')} error={err(errors.phone?.message)}>
          <input {...register('phone')} type="tel" inputMode="tel" autoComplete="off" />
        </Field>
        <Field label={t('householdForm.note')} error={err(errors.note?.message)} wide>
          <textarea autoComplete="off" {...register('note')} rows={3} />
        </Field>
      </Fieldset>

      <MembersFieldset members={members} register={register} errors={errors} />
      <FormActions
        saving={isSubmitting}
        error={error}
        hasFieldErrors={Object.keys(errors).length > 0}
        draft={draft}
        dirty={formState.isDirty}
        onReset={() =>
          form.reset(
            existing ? householdToForm(existing.household, existing.people) : emptyHousehold(),
          )
        }
      />
    </form>
  );
};

/** /households/new and /households/:id/edit */
export const HouseholdFormPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useHousehold(id ?? '');
  if (id && existing === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (id && existing === null) return <p className="page empty">{t('household.notFound')}</p>;
  if (existing?.household.anonymised)
    return (
      <p className="page notice" data-testid="read-only">
        {t('household.anonymised')}
      </p>
    );
  return (
    <section className="page">
      <HouseholdForm key={id ?? 'new'} existing={id ? (existing ?? null) : null} />
    </section>
  );
};
