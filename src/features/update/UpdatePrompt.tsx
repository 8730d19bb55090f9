import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedWork } from '../../ui/unsaved-work';
import { useUpdateStore } from './update-store';

/**
 * Offers a waiting app version. It reloads only when the user asks and no form holds
 * unsaved typing (auto-reload has lost users' work in other apps).
 */
export const UpdatePrompt = () => {
  const { t } = useTranslation();
  const { waiting, apply } = useUpdateStore();
  const hasUnsaved = useUnsavedWork((s) => s.dirty.size > 0);
  const [dismissed, setDismissed] = useState(false);
  if (!waiting || dismissed || !apply) return null;
  return (
    <div className="banner banner--info" role="status">
      <span>{hasUnsaved ? t('update.blocked') : t('update.available')}</span>
      <span className="banner__actions">
        <button
          type="button"
          className="button button--small"
          disabled={hasUnsaved}
          onClick={apply}
        >
          {t('update.apply')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => setDismissed(true)}
        >
          {t('update.later')}
        </button>
      </span>
    </div>
  );
};
