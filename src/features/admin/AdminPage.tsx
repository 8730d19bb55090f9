import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateTeam, CreateUser, NewPassword, ROLES, type AdminUser } from '../../core';
import { ApiError } from '../../sync/api-client';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { useFormat } from '../../ui/format';
import { useServices } from '../../widgets/services';
import { RulesEditor } from './RulesEditor';
import { useAdminData, type AdminData } from './use-admin-data';
import { failureText } from '../../widgets/use-server-data';

type Notify = (message: string) => void;

const NewUserForm = ({
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

const NewTeamForm = ({ onDone, notify }: { onDone: () => void; notify: Notify }) => {
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

const UserRow = ({
  user,
  teamName,
  onDone,
  notify,
}: {
  user: AdminUser;
  teamName: string;
  onDone: () => void;
  notify: Notify;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [password, setPassword] = useState<string | null>(null);
  const update = async (body: Parameters<typeof api.admin.updateUser>[2]) => {
    try {
      await api.admin.updateUser(session.token, user.id, body);
      notify(t('admin.done'));
      onDone();
    } catch {
      notify(t('admin.failed'));
    }
  };
  const passwordValid = password !== null && NewPassword.safeParse(password).success;
  return (
    <li className="admin-row" data-testid="admin-user">
      <div>
        <strong>{user.name}</strong> <span className="muted">({user.username})</span>
        <div className="muted small">
          {t(`enums.role.${user.role}`)} · {teamName} ·{' '}
          {user.disabled
            ? t('admin.disabled')
            : user.locked
              ? t('admin.locked')
              : t('admin.active')}
        </div>
      </div>
      {user.id !== session.user.id && (
        <div className="inline-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => void update({ disabled: !user.disabled })}
          >
            {user.disabled ? t('admin.enable') : t('admin.disable')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setPassword(password === null ? '' : null)}
          >
            {t('admin.resetPassword')}
          </button>
        </div>
      )}
      {password !== null && (
        <div className="inline-form">
          <label className="field">
            <span>{t('admin.newPassword')}</span>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
            />
          </label>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={!passwordValid}
            onClick={() => void update({ password }).then(() => setPassword(null))}
          >
            {t('forms.save')}
          </button>
        </div>
      )}
    </li>
  );
};

/** Users, teams and devices (revoke = remote wipe). Admins only; needs a connection. */
export const AdminPage = () => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { api, session } = useServices();
  const { data, failure, reload } = useAdminData();
  const [message, setMessage] = useState<string | null>(null);

  if (failure)
    return <p className="page empty">{failureText(t, failure, 'admin.needsConnection')}</p>;
  if (!data) return <p className="page muted">{t('common.loading')}</p>;
  const teamName = (id: string | null) =>
    data.teams.find((team) => team.id === id)?.name ?? t('admin.noTeam');

  const revoke = async (device: AdminData['devices'][number]) => {
    if (
      !window.confirm(
        t('admin.revokeConfirm', {
          name: device.name || device.id.slice(0, 8),
          user: device.userName,
        }),
      )
    )
      return;
    try {
      await api.admin.revokeDevice(session.token, device.id);
      setMessage(t('admin.done'));
      reload();
    } catch {
      setMessage(t('admin.failed'));
    }
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('admin.title')}</h1>
      </header>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section className="card">
        <h2>{t('admin.users')}</h2>
        <ul className="plain-list">
          {data.users.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              teamName={teamName(u.teamId)}
              onDone={reload}
              notify={setMessage}
            />
          ))}
        </ul>
      </section>
      <NewUserForm teams={data.teams} onDone={reload} notify={setMessage} />
      <section className="card">
        <h2>{t('admin.teams')}</h2>
        <ul className="plain-list">
          {data.teams.map((team) => (
            <li key={team.id}>
              <strong>{team.name}</strong>{' '}
              <span className="muted">{t('admin.members', { count: team.members })}</span>
            </li>
          ))}
        </ul>
        <NewTeamForm onDone={reload} notify={setMessage} />
      </section>
      <RulesEditor rules={data.rules} onSaved={reload} />
      <section className="card">
        <h2>{t('admin.devices')}</h2>
        <ul className="plain-list" data-testid="admin-devices">
          {data.devices.map((d) => (
            <li key={d.id} className="admin-row" data-testid="admin-device">
              <div>
                <strong>{d.userName}</strong>{' '}
                <span className="muted small">{d.name.slice(0, 60)}</span>
                <div className="muted small">
                  {t('admin.lastSeen', { date: dateTime(d.lastSeenAt) })}
                  {d.revoked ? ` · ${t('admin.revoked')}` : ''}
                </div>
              </div>
              {!d.revoked && (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => void revoke(d)}
                >
                  {t('admin.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
};
