import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoginRequest } from '../../core';
import { ApiError } from '../../sync/api-client';
import { OtherUserPendingError } from './other-user-pending';

const LoginForm = LoginRequest.pick({ username: true, password: true });
type LoginForm = { username: string; password: string };

type Props = { onLogin: (form: LoginForm) => Promise<void>; notice?: string | null };

const errorMessage = (e: unknown, t: TFunction): string => {
  if (e instanceof OtherUserPendingError)
    return t('login.errors.other_user_pending', { name: e.owner });
  const code = e instanceof ApiError ? e.code : null;
  switch (code) {
    case 'unauthorized':
    case 'locked_out':
    case 'forbidden':
    case 'revoked':
    case 'offline':
    case 'rate_limited':
      return t(`login.errors.${code}`);
    default:
      return t('login.errors.generic');
  }
};

export const LoginPage = ({ onLogin, notice = null }: Props) => {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>({ resolver: zodResolver(LoginForm) });

  const submit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      await onLogin(form);
    } catch (e) {
      setFailure(errorMessage(e, t));
    }
  });

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} noValidate>
        <div className="login__brand">
          <img src="/icons/icon-192.png" alt="" width={56} height={56} />
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h2>{t('login.title')}</h2>
        <p className="muted">{t('login.intro')}</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            autoComplete="username"
            autoCapitalize="none"
            aria-invalid={!!errors.username}
            {...register('username')}
          />
          {errors.username && <span className="field__error">{t('login.required')}</span>}
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            aria-invalid={!!errors.password}
            {...register('password')}
          />
          {errors.password && <span className="field__error">{t('login.required')}</span>}
        </label>
        {failure && (
          <p className="alert" role="alert">
            {failure}
          </p>
        )}
        <button
          className="button button--primary button--block"
          type="submit"
          disabled={isSubmitting}
        >
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
};
