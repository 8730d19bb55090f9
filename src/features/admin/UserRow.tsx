import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPassword, type AdminUser, type UpdateUser } from '../../core';
import { useServices } from '../../widgets/services';
import type { Notify } from './AccountForms';

const PasswordReset = (props: { save: (password: string) => Promise<unknown> }) => {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
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
        disabled={!NewPassword.safeParse(password).success}
        onClick={() => void props.save(password)}
      >
        {t('forms.save')}
      </button>
    </div>
  );
};

const userState = (user: AdminUser) =>
  user.disabled ? 'admin.disabled' : user.locked ? 'admin.locked' : 'admin.active';

/** One account: enabled or not, and a new password set by the admin (not for their own). */
export const UserRow = (props: {
  user: AdminUser;
  teamName: string;
  onDone: () => void;
  notify: Notify;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const { user } = props;
  const [resetting, setResetting] = useState(false);
  const update = async (body: UpdateUser) => {
    try {
      await api.admin.updateUser(session.token, user.id, body);
      props.notify(t('admin.done'));
      props.onDone();
    } catch {
      props.notify(t('admin.failed'));
    }
  };
  return (
    <li className="admin-row" data-testid="admin-user">
      <div>
        <strong>{user.name}</strong> <span className="muted">({user.username})</span>
        <div className="muted small">
          {t(`enums.role.${user.role}`)} · {props.teamName} · {t(userState(user))}
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
            onClick={() => setResetting((r) => !r)}
          >
            {t('admin.resetPassword')}
          </button>
        </div>
      )}
      {resetting && (
        <PasswordReset save={(password) => update({ password }).then(() => setResetting(false))} />
      )}
    </li>
  );
};
