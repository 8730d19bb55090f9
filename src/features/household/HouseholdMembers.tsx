import type { UseFieldArrayReturn, UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RELATIONS } from '../../core';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { Field, Fieldset } from '../../ui/forms/Field';
import { emptyMember, type HouseholdFormOutput, type HouseholdFormValues } from './household-form';

type Errors = ReturnType<
  typeof useForm<HouseholdFormValues, unknown, HouseholdFormOutput>
>['formState']['errors'];

const err = (message: string | undefined) => (message ? message : undefined);

/** One member's fields; `onRemove` is null for the last one left. */
const MemberFields = ({
  index,
  register,
  errors,
  onRemove,
}: {
  index: number;
  register: UseFormRegister<HouseholdFormValues>;
  errors: Errors;
  onRemove: (() => void) | null;
}) => {
  const { t } = useTranslation();
  const e = errors.members?.[index];
  return (
    <div className="subform" data-testid="member">
      <div className="subform__header">
        <strong>{t('householdForm.member', { n: index + 1 })}</strong>
        {onRemove && (
          <button type="button" className="button button--small button--ghost" onClick={onRemove}>
            {t('householdForm.removeMember')}
          </button>
        )}
      </div>
      <div className="grid-2">
        <Field label={t('householdForm.firstName')} error={err(e?.firstName?.message)}>
          <input
            {...register(`members.${index}.firstName`)}
            autoComplete="off"
            aria-invalid={!!e?.firstName}
          />
        </Field>
        <Field label={t('householdForm.lastName')} error={err(e?.lastName?.message)}>
          <input
            {...register(`members.${index}.lastName`)}
            autoComplete="off"
            aria-invalid={!!e?.lastName}
          />
        </Field>
        <Field label={t('householdForm.birthYear')} error={err(e?.birthYear?.message)}>
          <input
            autoComplete="off"
            {...register(`members.${index}.birthYear`, {
              setValueAs: (v: unknown) =>
                v === '' || v === null || v === undefined ? null : Number(v),
            })}
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
          />
        </Field>
        <EnumSelect
          label={t('householdForm.relation')}
          enumName="relation"
          values={RELATIONS}
          registration={register(`members.${index}.relation`)}
          error={err(e?.relation?.message)}
        />
        <Field label={t('householdForm.memberPhone')} error={err(e?.phone?.message)}>
          <input
            {...register(`members.${index}.phone`)}
            type="tel"
            inputMode="tel"
            autoComplete="off"
          />
        </Field>
        <Field label={t('householdForm.email')} error={err(e?.email?.message)}>
          <input {...register(`members.${index}.email`)} type="email" autoComplete="off" />
        </Field>
      </div>
    </div>
  );
};

/** The household's members, each with name, birth year, relation and contacts; one at least. */
export const MembersFieldset = ({
  members,
  register,
  errors,
}: {
  members: UseFieldArrayReturn<HouseholdFormValues, 'members', 'key'>;
  register: UseFormRegister<HouseholdFormValues>;
  errors: Errors;
}) => {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('householdForm.members')}>
      {errors.members?.root?.message || errors.members?.message ? (
        <p className="field__error" role="alert">
          {t('householdForm.atLeastOne')}
        </p>
      ) : null}
      {members.fields.map((member, i) => (
        <MemberFields
          key={member.key}
          index={i}
          register={register}
          errors={errors}
          onRemove={members.fields.length > 1 ? () => members.remove(i) : null}
        />
      ))}
      <button
        type="button"
        className="button"
        onClick={() => members.append(emptyMember(members.fields.length === 0 ? 'head' : 'child'))}
      >
        + {t('householdForm.addMember')}
      </button>
    </Fieldset>
  );
};
