import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../data/db';
import { usePendingCount } from '../../data/hooks';
import { pendingCount } from '../../data/outbox';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/i18n';
import { useServices } from '../../widgets/services';

export const SettingsPage = () => {
  const { t, i18n } = useTranslation();
  const { session, signOut, syncNow } = useServices();
  const pending = usePendingCount();
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);

  // Send what can be sent first; warn about what could not before it is deleted.
  const logout = async () => {
    if (pending > 0 && navigator.onLine) await syncNow();
    const left = await pendingCount(getDb());
    if (left > 0 && !window.confirm(t('settings.logoutPending', { count: left }))) return;
    await signOut();
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="card">
        <dl className="facts">
          <dt>{t('settings.signedInAs')}</dt>
          <dd>
            {session.user.name} ({t(`enums.role.${session.user.role}`)})
          </dd>
          {session.user.teamName && (
            <>
              <dt>{t('settings.team')}</dt>
              <dd>{session.user.teamName}</dd>
            </>
          )}
          <dt>{t('settings.storage')}</dt>
          <dd>
            {persisted === null
              ? '…'
              : persisted
                ? t('settings.persisted')
                : t('settings.notPersisted')}
          </dd>
          <dt>{t('settings.version')}</dt>
          <dd>{__APP_VERSION__}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t('settings.language')}</h2>
        <div className="segmented" role="group" aria-label={t('settings.language')}>
          {LANGUAGES.map((lng: Language) => (
            <button
              key={lng}
              type="button"
              className={i18n.language === lng ? 'is-active' : ''}
              aria-pressed={i18n.language === lng}
              onClick={() => void setLanguage(lng)}
            >
              {lng === 'cs' ? 'Čeština' : 'English'}
            </button>
          ))}
        </div>
      </section>
      <button type="button" className="button button--danger" onClick={() => void logout()}>
        {t('settings.logout')}
      </button>
    </section>
  );
};
