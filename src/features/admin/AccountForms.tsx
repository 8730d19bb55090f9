import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateTeam, CreateUser, ROLES } from '../../core';
import { ApiError } from '../../sync/api-client';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { useServices } from '../../widgets/services';
import type { AdminData } from './use-admin-data';

/** Shows the outcome of an admin's change. */
export type Notify = (message: string) => void;

/** A new account, with its role, team and first password. */
export const NewUserForm = ({
  teams,
  onDone,
  notify,
}: {
  teams: AdminData['teams'];
  onDone: () => void;
  notify: Notify;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const form = useForm({
    resolver: zodResolver(CreateUser),
    defaultValues: {
      username: '',
      name: '',
      role: 'worker' as const,
      teamId: teams[0]?.id ?? null,
      password: '',
    },
  });
  const { register, handleSubmit, formState, reset } = form;
  const submit = handleSubmit(async (values) => {
    try {
      await api.admin.createUser(session.token, values);
      reset();
      notify(t('admin.done'));
      onDone();
    } catch (e) {
      notify(
        e instanceof ApiError && e.status === 409 ? t('admin.usernameTaken') : t('admin.failed'),
      );
    }
  });
  const e = formState.errors;
  return (
    <form autoComplete="off" onSubmit={submit} noValidate>
      <Fieldset legend={t('admin.newUser')}>
        <Field label={t('admin.name')} error={e.name?.message}>
          <input {...register('name')} autoComplete="off" />
        </Field>
        <Field label={t('admin.username')} error={e.username?.message}>
          <input {...register('username')} autoComplete="off" autoCapitalize="none" />
        </Field>
        <EnumSelect
          label={t('admin.role')}
          enumName="role"
          values={ROLES}
          registration={register('role')}
          error={e.role?.message}
        />
        <Field label={t('admin.team')} error={e.teamId?.message}>
          <select {...register('teamId', { setValueAs: (v: string) => (v === '' ? null : v) })}>
            <option value="">{t('admin.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.password')} error={e.password?.message}>
          <input type="password" {...register('password')} autoComplete="new-password" />
        </Field>
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('admin.create')}
          </button>
        </div>
      </Fieldset>
    </form>
  );
};

export const NewTeamForm = ({ onDone, notify }: { onDone: () => void; notify: Notify }) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const { register, handleSubmit, formState, reset } = useForm({
    resolver: zodResolver(CreateTeam),
    defaultValues: { name: '' },
  });
  const submit = handleSubmit(async ({ name }) => {
    try {
      await api.admin.createTeam(session.token, name);
      reset();
      onDone();
    } catch {
      notify(t('admin.failed'));
    }
  });
  return (
    <form autoComplete="off" className="inline-form" onSubmit={submit} noValidate>
      <Field label={t('admin.teamName')} error={formState.errors.name?.message}>
        <input {...register('name')} autoComplete="off" />
      </Field>
      <button type="submit" className="button">
        {t('admin.newTeam')}
      </button>
    </form>
  );
};
