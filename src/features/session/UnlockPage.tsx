import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockResult } from '../../data/keyring';

type Props = {
  userName: string;
  onUnlock: (password: string) => Promise<{ result: UnlockResult; attemptsLeft: number }>;
  onSwitchUser: () => void;
};

/** Offline unlock with the password: the data key is unwrapped on the device. */
export const UnlockPage = ({ userName, onUnlock, onSwitchUser }: Props) => {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) return;
    setBusy(true);
    const { result, attemptsLeft } = await onUnlock(password);
    setBusy(false);
    setPassword('');
    if (result === 'wrong') setMessage(t('unlock.wrong', { count: attemptsLeft }));
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="login__brand">
          <img src="/icons/icon-192.png" alt="" width={56} height={56} />
          <div>
            <h1>{t('unlock.title')}</h1>
            <p className="muted">{userName}</p>
          </div>
        </div>
        <p className="muted">{t('unlock.intro')}</p>
        <label className="field">
          <span>{t('unlock.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </label>
        {message && (
          <p className="alert" role="alert">
            {message}
          </p>
        )}
        <button
          className="button button--primary button--block"
          type="submit"
          disabled={busy || !password}
        >
          {busy ? t('unlock.checking') : t('unlock.submit')}
        </button>
        <button type="button" className="link-button" onClick={onSwitchUser}>
          {t('unlock.signOut')}
        </button>
      </form>
    </main>
  );
};
